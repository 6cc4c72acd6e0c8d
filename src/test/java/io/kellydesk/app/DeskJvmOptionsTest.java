package io.kellydesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The run command and the installed launcher start the desk with the same JVM options (issue 21: "alike"). */
class DeskJvmOptionsTest {

    @Test
    void theRunCommandAndTheInstalledLauncherAgree() throws Exception {
        Matcher pom = Pattern.compile("<desk.jvm.options>(.*)</desk.jvm.options>").matcher(Files.readString(Path.of("pom.xml")));
        assertThat(pom.find()).isTrue();
        List<String> run = Arrays.asList(pom.group(1).trim().split("\\s+"));
        List<String> launcher = MemoryScenario.launcherJvmOptions().stream()
                .filter(o -> !o.startsWith("--enable-native-access") && !o.startsWith("-Dorg.sqlite")).toList();
        assertThat(run).containsExactlyInAnyOrderElementsOf(launcher);
        assertThat(run).contains("-XX:+UseG1GC").anyMatch(o -> o.startsWith("-Xmx"));
    }
}
