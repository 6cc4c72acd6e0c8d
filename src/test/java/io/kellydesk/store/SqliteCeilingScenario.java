package io.kellydesk.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * What SQLite itself can write on this machine, without the desk: a 4-column table (id, symbol, time, a text of N
 * bytes), 500 interleaved symbols, 32 rows per INSERT statement, 4,096 rows per transaction, WAL, 128 MB cache.
 * It bounds the decision log's writer from above (the real row has 37 columns, an index and ~1 KB of inputs).
 * Also writes 1 GB with {@code fdatasync} for the disk's own sequential rate.
 *
 * <p>Run: {@code mvn -Pload verify -Dload.main=io.kellydesk.store.SqliteCeilingScenario}
 */
public final class SqliteCeilingScenario {

    private static final int ROWS = 500_000;

    private record Case(int textBytes, boolean index, String synchronous) {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "disk, 1 GB sequential with fdatasync: %.0f MB/s%n", diskMegabytesPerSecond());
        for (Case c : List.of(new Case(0, false, "NORMAL"), new Case(100, false, "NORMAL"), new Case(1_000, false, "NORMAL"),
                new Case(1_000, false, "OFF"), new Case(1_000, false, "FULL"), new Case(0, true, "NORMAL"), new Case(0, true, "OFF"))) {
            double rowsPerSecond = run(c);
            System.out.printf(Locale.ROOT, "text %,5d B, index on (symbol, time) %-5s, synchronous %-6s: %,9.0f rows/s (%5.1f MB/s of text)%n",
                    c.textBytes(), c.index(), c.synchronous(), rowsPerSecond, rowsPerSecond * c.textBytes() / 1e6);
        }
    }

    private static double run(Case c) throws Exception {
        Path dir = Files.createTempDirectory("kd-sqlite-ceiling");
        String text = "x".repeat(c.textBytes());
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("ceiling.sqlite"))) {
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=" + c.synchronous());
                s.execute("PRAGMA cache_size=-131072");
                s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, symbol TEXT NOT NULL, at_ms INTEGER NOT NULL, body TEXT NOT NULL)");
                if (c.index()) {
                    s.execute("CREATE INDEX t_by_symbol_time ON t (symbol, at_ms)");
                }
            }
            int perStatement = 32;
            String sql = "INSERT INTO t (id, symbol, at_ms, body) VALUES " + String.join(",", java.util.Collections.nCopies(perStatement, "(?,?,?,?)"));
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(sql); Statement tx = connection.createStatement()) {
                int id = 0;
                while (id < ROWS) {
                    tx.execute("BEGIN IMMEDIATE");
                    for (int batch = 0; batch < 4_096 / perStatement; batch++) {
                        int p = 1;
                        for (int k = 0; k < perStatement; k++, id++) {
                            insert.setLong(p++, id + 1);
                            insert.setString(p++, "SYM" + (id % 500));
                            insert.setLong(p++, 1_763_900_000_000L + id);
                            insert.setString(p++, text);
                        }
                        insert.executeUpdate();
                    }
                    tx.execute("COMMIT");
                }
                return id / ((System.nanoTime() - start) / 1e9);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static double diskMegabytesPerSecond() throws Exception {
        Path file = Files.createTempFile("kd-disk", ".bin");
        byte[] block = new byte[1 << 20];
        long start = System.nanoTime();
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            for (int i = 0; i < 1_000; i++) {
                channel.write(java.nio.ByteBuffer.wrap(block));
            }
            channel.force(false);
        } finally {
            Files.deleteIfExists(file);
        }
        return 1_000 * 1.048576 / ((System.nanoTime() - start) / 1e9);
    }
}
