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
        Path notAFolder = Files.writeString(dir.resolve("occupied"), "a file where the data folder should go");
        AppOptions options = new AppOptions(dir.resolve("settings.json"), notAFolder.resolve("data"), AppOptions.DemoMode.OFF,
                Optional.empty(), false);
        EarlyComposition.begin(options);
        // the same message init() would have shown had it built the composition itself
        assertThatThrownBy(EarlyComposition::take).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("Cannot create the data folder").hasMessageContaining("--data-dir");
        assertThat(EarlyComposition.take()).as("one shot").isEmpty();
    }
}
