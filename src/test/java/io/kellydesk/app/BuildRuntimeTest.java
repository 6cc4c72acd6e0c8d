package io.kellydesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The build's toolchain, not the machine's default java, runs the tests. */
class BuildRuntimeTest {

    @Test
    void testsRunOnJdk25OrNewer() {
        assertThat(Runtime.version().feature()).isGreaterThanOrEqualTo(25);
    }

    @Test
    void buildInfoIsFilteredFromThePom() {
        BuildInfo info = BuildInfo.load();
        assertThat(info.version()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(info.componentVersions().get("JavaFX")).startsWith("25.");
    }
}
