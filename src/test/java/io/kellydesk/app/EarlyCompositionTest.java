package io.kellydesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EarlyCompositionTest {

    @TempDir
    Path dir;

    @Test
    void nothingBegunMeansTheApplicationBuildsItsOwn() {
        assertThat(EarlyComposition.take()).isEmpty();
    }

    @Test
    void aFailureWhileBuildingBesideTheToolkitReachesInitAsItself() throws Exception {
        // (an unusable data folder no longer fails the build: the desk runs without its log; the settings file must exist)
        Path notAFolder = Files.writeString(dir.resolve("occupied"), "a file where the settings folder should go");
        AppOptions options = new AppOptions(notAFolder.resolve("settings.json"), dir.resolve("data"), AppOptions.DemoMode.OFF,
                Optional.empty(), false, Optional.empty());
        EarlyComposition.begin(options);
        // the same message init() would have shown had it built the composition itself
        assertThatThrownBy(EarlyComposition::take).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("Cannot create the settings file").hasMessageContaining(notAFolder.toString());
        assertThat(EarlyComposition.take()).as("one shot").isEmpty();
    }
}
