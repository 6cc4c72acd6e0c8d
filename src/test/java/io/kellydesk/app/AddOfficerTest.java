package io.kellydesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kellydesk.core.PinAttempt;
import io.kellydesk.settings.OfficerRegistry;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kelly-desk --add-officer NAME} in a real process: from a pseudo-terminal (util-linux {@code script} gives the
 * child one) the PIN typed twice adds the officer; with stdin a pipe, nobody is added.
 */
class AddOfficerTest {

    @TempDir
    Path dir;

    private List<String> launcher(String name) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(java, "-cp", System.getProperty("java.class.path"), Launcher.class.getName(), "--add-officer", name,
                "--data-dir", dir.resolve("data").toString(), "--settings", dir.resolve("settings.json").toString());
    }

    private static String quoted(List<String> command) {
        return String.join(" ", command.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").toList());
    }

    private Process start(List<String> command, String typed) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(typed.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the launcher exits").isTrue();
        return process;
    }

    @Test
    void atATerminalThePinTypedTwiceAddsTheNamedOfficer() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script gives the child a pseudo-terminal");
        List<String> underPty = new ArrayList<>(List.of("/usr/bin/script", "-qec", quoted(launcher("alice")), "/dev/null"));
        Process process = new ProcessBuilder(underPty).redirectErrorStream(true).start();
        StringBuffer output = new StringBuffer();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (var in = process.getInputStream()) {
                byte[] buffer = new byte[256];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        // as a person types: each PIN after its prompt, when the terminal's echo is off
        try (OutputStream in = process.getOutputStream()) {
            io.kellydesk.testing.Eventually.await(java.time.Duration.ofSeconds(30), "first prompt", () -> output.indexOf("PIN for risk officer") >= 0);
            in.write("4711\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            io.kellydesk.testing.Eventually.await(java.time.Duration.ofSeconds(10), "second prompt", () -> output.indexOf("again") >= 0);
            in.write("4711\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the launcher exits").isTrue();
        }
        reader.join(5_000);

        assertThat(process.exitValue()).as(output.toString()).isZero();
        assertThat(output.toString()).contains("Risk officer alice added");
        assertThat(output.substring(output.indexOf("PIN for risk officer"))).as("the PIN is not shown").doesNotContain("4711");
        OfficerRegistry officers = new OfficerRegistry(dir.resolve("data").resolve("officers"), Clock.systemUTC(), 1_000);
        assertThat(officers.names()).containsExactly("alice");
        assertThat(officers.verify("alice", "4711".toCharArray())).isInstanceOf(PinAttempt.Accepted.class);
    }

    @Test
    void withoutATerminalNobodyIsAdded() throws Exception {
        Process process = start(launcher("mallory"), "4711\n4711\n");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains("--add-officer needs a terminal");
        assertThat(new OfficerRegistry(dir.resolve("data").resolve("officers"), Clock.systemUTC(), 1_000).names()).isEmpty();
    }
}
