package io.kellydesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 in the middle of a stream of writes: every acknowledged decision is in the file, and it opens cleanly. */
class CrashSafetyTest {

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedDecisionSurvivesKillMinusNine() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "io.kellydesk.store.CrashWriter", dir.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Long> acknowledged = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(Long.parseLong(line.substring(4)));
                    if (acknowledged.size() == 2_000) {
                        // SIGKILL (no shutdown hook, no close, mid-batch); through the handle, so the acks already
                        // in the pipe can still be read
                        child.toHandle().destroyForcibly();
                    }
                }
            }
        }
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed by signal 9").isEqualTo(137);
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(2_000);

        try (DecisionLog reopened = DecisionLog.open(dir, Clock.systemUTC(), StorageAlarm.NONE)) {
            assertThat(reopened.startupNotice()).as("opens cleanly, nothing moved aside").isEmpty();
            assertThat(reopened.isReadOnly()).as("the dead child's lock is gone").isFalse();
        }
        Set<Long> stored = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(DecisionLog.FILE_NAME));
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
            try (ResultSet rs = st.executeQuery("SELECT id FROM recommendations")) {
                while (rs.next()) {
                    stored.add(rs.getLong(1));
                }
            }
        }
        assertThat(stored).containsAll(acknowledged);
    }
}
