package io.kellydesk.store;

import io.kellydesk.core.LoggedDecision;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.kellydesk.core.ClosedTrade;
import io.kellydesk.core.Recommendation;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import io.kellydesk.core.SettingsChangeRecord;

/**
 * The desk's decision log: one SQLite file in the data folder ({@value #FILE_NAME}).
 *
 * <p>WAL journal with {@code synchronous=FULL}: every commit is fsynced, so an acknowledged decision survives
 * not only a killed process (which NORMAL would already survive in WAL mode) but also a power cut or an OS
 * crash, which NORMAL may lose. The writer commits in batches, so the fsync is paid per batch, not per row.
 * {@code busy_timeout} 5 s, foreign keys on.
 */
public final class DecisionLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionLog.class);
    public static final String FILE_NAME = "decisions.sqlite";
    static final int QUEUE_CAPACITY = 65_536;

    private final Path file;
    private final Clock clock;
    private final DataDirLock lock;
    private final Connection writeConnection;
    private final Connection readConnection;
    private final DecisionWriter writer;
    private final DecisionQueries queries;
    private final Optional<String> readOnlyReason;
    private final Optional<String> startupNotice;

    private DecisionLog(Path file, Clock clock, DataDirLock lock, Connection writeConnection, Connection readConnection,
                        DecisionWriter writer, Optional<String> readOnlyReason, Optional<String> startupNotice) {
        this.file = file;
        this.clock = clock;
        this.lock = lock;
        this.writeConnection = writeConnection;
        this.readConnection = readConnection;
        this.writer = writer;
        this.queries = new DecisionQueries(readConnection);
        this.readOnlyReason = readOnlyReason;
        this.startupNotice = startupNotice;
    }

    /**
     * Opens (or creates) the log in {@code dataDir}. Another desk on the same folder: opened read-only and
     * says so. A corrupt file: moved aside with a timestamp and a new one started, and said so. A file from a
     * newer desk: refused untouched.
     */
    public static DecisionLog open(Path dataDir, Clock clock, StorageAlarm alarm) throws DecisionLogException {
        return open(dataDir, clock, alarm, QUEUE_CAPACITY);
    }

    static DecisionLog open(Path dataDir, Clock clock, StorageAlarm alarm, int queueCapacity) throws DecisionLogException {
        Path file = dataDir.resolve(FILE_NAME);
        DataDirLock lock;
        StringBuilder holder = new StringBuilder();
        try {
            lock = DataDirLock.tryAcquire(dataDir, holder).orElse(null);
        } catch (IOException e) {
            LOG.error("Cannot use the data folder {}", dataDir, e);
            throw new DecisionLogException(StorageWords.unusable(dataDir, e), e);
        }
        if (lock == null) {
            String reason = StorageWords.lockedBy(holder.toString(), dataDir);
            try {
                Connection read = connect(file, true);
                return new DecisionLog(file, clock, null, null, read, null, Optional.of(reason), Optional.of(reason));
            } catch (SQLException e) {
                throw new DecisionLogException(reason + " Reading it failed too: " + describe(e), e);
            }
        }
        Optional<String> notice = Optional.empty();
        Connection write;
        try {
            write = openChecked(file);
        } catch (DecisionLogException e) {
            closeQuietly(lock);
            throw e;
        } catch (SQLException e) {
            if (!isCorrupt(e)) {
                closeQuietly(lock);
                LOG.error("Cannot open the decision log {}: {}", file, describe(e), e);
                throw new DecisionLogException(StorageWords.unusable(dataDir, e), e);
            }
            Path aside = moveAside(file, clock);
            notice = Optional.of(StorageWords.movedAside(aside));
            LOG.error("{} SQLite said: {}", notice.get(), describe(e));
            try {
                write = openChecked(file);
            } catch (SQLException | DecisionLogException again) {
                closeQuietly(lock);
                throw new DecisionLogException("Cannot start a new decision log " + file + ": " + again.getMessage(), again);
            }
        }
        try {
            Migrations.apply(write, file.getFileName().toString());
            Connection read = connect(file, true);
            DecisionWriter writer = new DecisionWriter(write, alarm, queueCapacity, clock);
            return new DecisionLog(file, clock, lock, write, read, writer, Optional.empty(), notice);
        } catch (DecisionLogException e) {
            closeQuietly(write);
            closeQuietly(lock);
            throw e;
        } catch (SQLException e) {
            closeQuietly(write);
            closeQuietly(lock);
            LOG.error("Cannot prepare the decision log {}: {}", file, describe(e), e);
            throw new DecisionLogException(StorageWords.unusable(dataDir, e), e);
        }
    }

    /**
     * Looks at an existing file read-only first (nothing may change a file from a newer desk, not even the
     * journal mode in its header), then opens it for writing.
     */
    private static Connection openChecked(Path file) throws SQLException, DecisionLogException {
        if (Files.exists(file)) {
            try (Connection look = connect(file, true, false); Statement st = look.createStatement();
                 ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                int version = rs.next() ? rs.getInt(1) : 0;
                if (version > Migrations.latest()) {
                    throw new DecisionLogException(file.getFileName() + " was written by a newer Kelly Desk (schema " + version
                            + "; this one knows up to " + Migrations.latest() + "). It was left untouched. Use the newer desk,"
                            + " or start with another --data-dir.", null);
                }
            }
        }
        Connection c = connect(file, false);
        try (Statement st = c.createStatement()) {
            // The writer keeps 16 MB of pages in memory (appends touch the right edge of each B-tree; 128 MB filled with the
            // file and the WAL over a session and was a quarter of the desk's resident memory at 100 symbols) and
            // checkpoints the WAL every ~40 MB, not every 4 MB.
            st.execute("PRAGMA cache_size = -16384");
            st.execute("PRAGMA wal_autocheckpoint = 10000");
            // Reading the schema is where a file that is not a database, or a damaged header, shows itself.
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
                rs.next();
            }
            if (Files.size(file) < 64L * 1024 * 1024) {
                try (ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
                    String verdict = rs.next() ? rs.getString(1) : "no answer";
                    if (!"ok".equals(verdict)) {
                        throw new SQLiteException("integrity check: " + verdict, SQLiteErrorCode.SQLITE_CORRUPT);
                    }
                }
            }
            return c;
        } catch (SQLException e) {
            closeQuietly(c);
            throw e;
        } catch (IOException e) {
            closeQuietly(c);
            throw new SQLException(e);
        }
    }

    private static Connection connect(Path file, boolean readOnly) throws SQLException {
        return connect(file, readOnly, true);
    }

    private static Connection connect(Path file, boolean readOnly, boolean wal) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        if (wal) {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        }
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(5_000);
        config.enforceForeignKeys(true);
        config.setReadOnly(readOnly);
        return config.createConnection("jdbc:sqlite:" + file);
    }

    private static Path moveAside(Path file, Clock clock) throws DecisionLogException {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(clock.instant());
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + stamp);
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            for (String suffix : List.of("-wal", "-shm")) {
                Path side = file.resolveSibling(file.getFileName() + suffix);
                if (Files.exists(side)) {
                    Files.move(side, aside.resolveSibling(aside.getFileName() + suffix), StandardCopyOption.ATOMIC_MOVE);
                }
            }
            return aside;
        } catch (IOException e) {
            throw new DecisionLogException("The decision log " + file + " is damaged and could not be moved aside: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- writing

    /** Logs a recommendation; the future completes with its row id once it is on disk. */
    public CompletableFuture<Long> append(Recommendation recommendation) {
        CompletableFuture<Long> ack = new CompletableFuture<>();
        if (refuseWrite(ack)) {
            return ack;
        }
        writer.submit(new DecisionWriter.AppendRecommendation(RecommendationRow.of(recommendation), ack));
        return ack;
    }

    public void heartbeat(String symbol, String inputsHash, Instant at) {
        if (writer != null) {
            writer.submit(new DecisionWriter.AppendHeartbeat(symbol, at.toEpochMilli(), inputsHash));
        }
    }

    /** Logs a handoff before its request goes out; completes once it is on disk. */
    public CompletableFuture<Long> recordHandoff(HandoffRecord handoff) {
        CompletableFuture<Long> ack = new CompletableFuture<>();
        if (!refuseWrite(ack)) {
            writer.submit(new DecisionWriter.InsertHandoff(handoff, ack));
        }
        return ack;
    }

    public CompletableFuture<Void> updateHandoff(String clientOrderId, String status, String responseJson, String engineOrderId,
                                                 String error, String detail) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        if (!refuseWrite(ack)) {
            writer.submit(new DecisionWriter.UpdateHandoff(clientOrderId, status, responseJson, engineOrderId, error,
                    clock.millis(), detail, ack));
        }
        return ack;
    }

    public CompletableFuture<Long> recordSettingsChange(SettingsChangeRecord change) {
        CompletableFuture<Long> ack = new CompletableFuture<>();
        if (!refuseWrite(ack)) {
            writer.submit(new DecisionWriter.AppendSettingsChange(change, ack));
        }
        return ack;
    }

    public void recordServiceEvent(Instant at, String service, String state, String detail) {
        if (writer != null) {
            writer.submit(new DecisionWriter.AppendServiceEvent(at.toEpochMilli(), service, state, detail));
        }
    }

    /** Resolves closed trades to the recommendations they followed (for calibration); completes with the count. */
    public CompletableFuture<Integer> resolveOutcomes(List<ClosedTrade> trades) {
        CompletableFuture<Integer> ack = new CompletableFuture<>();
        if (!refuseWrite(ack)) {
            writer.submit(new DecisionWriter.ResolveOutcomes(List.copyOf(trades), ack));
        }
        return ack;
    }

    /** Retention: deletes what is older than {@code before} and not needed by an outcome, a handoff or the latest view. */
    public CompletableFuture<Integer> purgeOlderThan(Instant before) {
        CompletableFuture<Integer> ack = new CompletableFuture<>();
        if (!refuseWrite(ack)) {
            writer.submit(new DecisionWriter.Purge(before.toEpochMilli(), ack));
        }
        return ack;
    }

    /** Gives freed pages back to the disk; only on request (it rewrites the whole file). */
    public CompletableFuture<Void> vacuum() {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        if (!refuseWrite(ack)) {
            writer.submit(new DecisionWriter.Maintenance("VACUUM", ack));
        }
        return ack;
    }

    /**
     * Runs a statement on the writer's connection at its next chance, past the queue (tests use it to make the
     * "disk" full and free again while the writer is stalled).
     */
    CompletableFuture<Void> onWriter(String sql) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        if (!refuseWrite(ack)) {
            writer.control(new DecisionWriter.Maintenance(sql, ack));
        }
        return ack;
    }

    private boolean refuseWrite(CompletableFuture<?> ack) {
        if (writer == null) {
            ack.completeExceptionally(new IllegalStateException(readOnlyReason.orElse("decision log is read-only")));
            return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- reading

    public DecisionQueries queries() {
        return queries;
    }

    /** Writes {@code rows} as CSV with a header (UTF-8, RFC 4180 quoting). */
    public static void exportCsv(List<LoggedDecision> rows, Writer out) throws IOException {
        CsvMapper csv = CsvMapper.builder().addModule(new JavaTimeModule())
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        CsvSchema schema = csv.schemaFor(LoggedDecision.class).sortedBy("id", "symbol", "decidedAt", "status", "reason",
                "reasonDetail", "direction", "pWin", "fKelly", "fUsed", "contracts", "capitalAtRisk", "emergency", "inputsHash",
                "settingsVersion", "heldContracts", "workingContracts", "targetContracts", "orderContracts", "action").withHeader();
        csv.writer(schema).writeValues(out).writeAll(rows).close();
    }

    public boolean isReadOnly() {
        return writer == null;
    }

    public Optional<String> readOnlyReason() {
        return readOnlyReason;
    }

    /** What the desk should tell the user about opening the log (a moved-aside file, read-only mode). */
    public Optional<String> startupNotice() {
        return startupNotice;
    }

    public Path file() {
        return file;
    }

    public int queuedWrites() {
        return writer == null ? 0 : writer.queued();
    }

    // ---------------------------------------------------------------- errors

    static String describe(SQLException e) {
        int primary = primaryCode(e);
        String words = switch (primary) {
            case 13 -> "the disk is full";
            case 8 -> "the file or its folder is read-only";
            case 5, 6 -> "the file is locked by another program";
            case 10 -> "a disk I/O error";
            case 11 -> "the file is damaged";
            case 26 -> "the file is not a SQLite database";
            case 14 -> "the file cannot be opened";
            default -> "SQLite error " + primary;
        };
        return words + " (" + e.getMessage() + ")";
    }

    static boolean isCorrupt(SQLException e) {
        int primary = primaryCode(e);
        return primary == 11 || primary == 26;
    }

    static boolean isConstraint(SQLException e) {
        return primaryCode(e) == 19;
    }

    static int primaryCode(SQLException e) {
        if (e instanceof SQLiteException s) {
            return s.getResultCode().code & 0xFF;
        }
        return e.getErrorCode() & 0xFF;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already failing
        }
    }

    /** Writes everything queued, then closes the connections and releases the data folder. Any thread; waits for the writer. */
    @Override
    public void close() {
        if (writer != null) {
            writer.close();
        }
        closeQuietly(readConnection);
        if (writeConnection != null) {
            // merge the WAL into the file and empty it: the next start (or a copy of the folder) finds a whole file
            try (java.sql.Statement st = writeConnection.createStatement()) {
                st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            } catch (SQLException e) {
                LOG.warn("WAL checkpoint at close failed: {}", e.getMessage());
            }
        }
        closeQuietly(writeConnection);
        closeQuietly(lock);
    }
}
