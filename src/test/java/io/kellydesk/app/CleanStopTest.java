package io.kellydesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.kellydesk.store.DecisionLog;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real process, stopped by a real signal: SIGTERM (what the OS sends at shutdown) and SIGINT (Ctrl-C) drain the
 * decision log's queue, merge the WAL into the file, and exit 0.
 */
class CleanStopTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void aSignalDrainsTheLogChecksItsWalAndExitsZero(String signal) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process probe = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CleanStopProbe.class.getName(),
                dir.toString(), "20000").redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("ready")) {
                // log lines before it
            }
            assertThat(line).as("the probe came up").isEqualTo("ready");
            // 20,000 decisions queued, most not yet written: the signal comes now
            new ProcessBuilder("kill", "-" + signal, Long.toString(probe.pid())).start().waitFor(5, TimeUnit.SECONDS);
            assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(probe.exitValue()).as("exit status after SIG" + signal).isZero();
        Path wal = dir.resolve(DecisionLog.FILE_NAME + "-wal");
        assertThat(!Files.exists(wal) || Files.size(wal) == 0).as("no WAL content left behind").isTrue();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(DecisionLog.FILE_NAME));
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM recommendations")) {
            rs.next();
            assertThat(rs.getInt(1)).as("every queued decision written").isEqualTo(20_000);
        }
    }
}
