package io.kellydesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserDirectoriesTest {

    private final Path home = Path.of("/home/trader");

    @Test
    void linuxFollowsXdgWithItsDefaults() {
        UserDirectories plain = UserDirectories.resolve("Linux", Map.of(), home);
        assertThat(plain.configDir()).isEqualTo(Path.of("/home/trader/.config/kelly-desk"));
        assertThat(plain.dataDir()).isEqualTo(Path.of("/home/trader/.local/share/kelly-desk"));

        UserDirectories xdg = UserDirectories.resolve("Linux", Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_DATA_HOME", "/data"), home);
        assertThat(xdg.configDir()).isEqualTo(Path.of("/cfg/kelly-desk"));
        assertThat(xdg.dataDir()).isEqualTo(Path.of("/data/kelly-desk"));
    }

    @Test
    void windowsAndMacUseTheirOwnFolders() {
        UserDirectories windows = UserDirectories.resolve("Windows 11", Map.of("APPDATA", "/r", "LOCALAPPDATA", "/l"), home);
        assertThat(windows.configDir()).isEqualTo(Path.of("/r/KellyDesk"));
        assertThat(windows.dataDir()).isEqualTo(Path.of("/l/KellyDesk"));

        UserDirectories mac = UserDirectories.resolve("Mac OS X", Map.of(), home);
        assertThat(mac.configDir()).isEqualTo(Path.of("/home/trader/Library/Application Support/Kelly Desk"));
    }
}
