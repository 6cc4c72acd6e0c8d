package io.kellydesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;

/**
 * Numbered SQL migrations, applied in order at start, each in its own transaction; the schema version is
 * SQLite's {@code user_version}. A file from a newer desk is refused untouched.
 */
final class Migrations {

    /** In order; the version of a migration is its position (1-based). */
    static final List<String> FILES = List.of("V001__decision_log.sql", "V002__positions_and_input_ages.sql",
            "V003__settings_officers.sql");

    static int latest() {
        return FILES.size();
    }

    private Migrations() {
    }

    static int version(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Brings the file up to {@link #latest()}; returns the version it had. */
    static int apply(Connection connection, String fileName) throws SQLException, DecisionLogException {
        int current = version(connection);
        if (current > latest()) {
            throw new DecisionLogException(fileName + " was written by a newer Kelly Desk (schema " + current
                    + "; this one knows up to " + latest() + "). It was left untouched. Use the newer desk, or start with"
                    + " another --data-dir.", null);
        }
        for (int v = current + 1; v <= latest(); v++) {
            String sql = read(FILES.get(v - 1));
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                for (String statement : statements(sql)) {
                    st.execute(statement);
                }
                st.execute("PRAGMA user_version = " + v);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
        return current;
    }

    /** Splits on semicolons at line ends, dropping comment lines (the migrations hold no triggers). */
    static List<String> statements(String sql) {
        StringBuilder cleaned = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.trim().startsWith("--")) {
                cleaned.append(line).append('\n');
            }
        }
        return java.util.Arrays.stream(cleaned.toString().split(";\\s*\n")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String read(String file) {
        try (InputStream in = Objects.requireNonNull(Migrations.class.getResourceAsStream("migrations/" + file), file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("migration " + file + " unreadable", e);
        }
    }
}
