package io.kellydesk.store;

import io.kellydesk.core.ClosedTrade;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.kellydesk.core.SettingsChangeRecord;

/**
 * The one thread that writes the decision log. Callers enqueue and return; the writer commits batches in
 * one transaction each and completes every write's future only after its commit, so an acknowledged row is
 * on disk. A full queue makes callers wait (back-pressure) and raises an alarm; a failing disk keeps the batch
 * and retries with back-off, raising an alarm; nothing is dropped.
 */
final class DecisionWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionWriter.class);
    static final int MAX_BATCH = 4_096;

    sealed interface Op {
    }

    record AppendRecommendation(RecommendationRow row, CompletableFuture<Long> ack) implements Op {
    }

    record AppendHeartbeat(String symbol, long atMs, String inputsHash) implements Op {
    }

    record InsertHandoff(HandoffRecord handoff, CompletableFuture<Long> ack) implements Op {
    }

    record UpdateHandoff(String clientOrderId, String status, String responseJson, String engineOrderId, String error,
                         long atMs, String detail, CompletableFuture<Void> ack) implements Op {
    }

    record AppendSettingsChange(SettingsChangeRecord change, CompletableFuture<Long> ack) implements Op {
    }

    record AppendServiceEvent(long atMs, String service, String state, String detail) implements Op {
    }

    record ResolveOutcomes(List<ClosedTrade> trades, CompletableFuture<Integer> ack) implements Op {
    }

    record Purge(long beforeMs, CompletableFuture<Integer> ack) implements Op {
    }

    /** Runs on the writer thread between batches (VACUUM must run outside a transaction). */
    record Maintenance(String sql, CompletableFuture<Void> ack) implements Op {
    }

    private final Connection connection;
    private final StorageAlarm alarm;
    private final BlockingQueue<Op> queue;
    private final Thread thread;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    /** Statements run between batches and between retries, past the queue (a stalled queue cannot block them). */
    private final java.util.concurrent.LinkedBlockingQueue<Maintenance> control = new java.util.concurrent.LinkedBlockingQueue<>();
    private volatile boolean closing;
    private boolean alarmed;
    /** Guarded by {@link #queueAlarm}: raising and clearing reach the alarm in the order the state changed. */
    private boolean queueFullRaised;
    private final Object queueAlarm = new Object();
    private final int capacity;

    DecisionWriter(Connection connection, StorageAlarm alarm, int capacity, Clock clock) {
        this.connection = connection;
        this.alarm = alarm;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.capacity = capacity;
        this.thread = Thread.ofPlatform().name("kd-db-writer").daemon(true).unstarted(this::run);
        this.thread.start();
    }

    /** Enqueues; when the queue is full, raises the alarm and waits for room (never drops). */
    void submit(Op op) {
        if (closing) {
            throw new IllegalStateException("decision log is closed");
        }
        if (queue.offer(op)) {
            return;
        }
        synchronized (queueAlarm) {
            // once per episode; under the lock, so a clear on the writer cannot land between the flag and the alarm
            if (!queueFullRaised) {
                queueFullRaised = true;
                alarm.raised("Decision log write queue is full (" + queue.size() + " waiting): the disk is not keeping up."
                        + " The desk slows down rather than lose a decision.");
            }
        }
        try {
            queue.put(op);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to log a decision", e);
        }
    }

    int queued() {
        return queue.size();
    }

    /** Runs {@code op} on the writer thread at its next chance, even while a batch is being retried. */
    void control(Maintenance op) {
        control.add(op);
    }

    /** Waits before a retry, but runs a control statement (and retries) as soon as one arrives. */
    private void waitForRetry(long millis) {
        try {
            Maintenance op = control.poll(millis, TimeUnit.MILLISECONDS);
            if (op != null) {
                runMaintenance(op);
                runControl();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runControl() {
        for (Maintenance op; (op = control.poll()) != null; ) {
            runMaintenance(op);
        }
    }

    private void run() {
        List<Op> batch = new ArrayList<>(MAX_BATCH);
        while (!closing || !queue.isEmpty()) {
            try {
                runControl();
                Op first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commitWithRetry(batch);
                batch.clear();
            } catch (InterruptedException e) {
                if (!closing) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void commitWithRetry(List<Op> batch) {
        long backoffMs = 250;
        while (true) {
            List<Runnable> acks = new ArrayList<>(batch.size());
            try {
                if (batch.size() == 1 && batch.getFirst() instanceof Maintenance maintenance) {
                    runMaintenance(maintenance);
                    return;
                }
                // Transactions by hand, the driver left in autocommit: after SQLITE_FULL SQLite has already rolled
                // back, and a driver that still believes in its transaction would run the retry row by row.
                execute("BEGIN IMMEDIATE");
                List<AppendRecommendation> recommendations = new ArrayList<>();
                for (Op op : batch) {
                    if (op instanceof AppendRecommendation a) {
                        recommendations.add(a);
                        continue;
                    }
                    // keep the order: what came before this op is written before it
                    insertRecommendations(recommendations, acks);
                    if (op instanceof Maintenance m) {
                        // never inside a transaction: queue it again for its own turn
                        acks.add(() -> submitLater(m));
                        continue;
                    }
                    apply(op, acks);
                }
                insertRecommendations(recommendations, acks);
                execute("COMMIT");
                // the alarms first: whoever sees a decision acknowledged sees the alarm state after its write
                if (alarmed) {
                    alarmed = false;
                    alarm.cleared("Decision log is writing again.");
                }
                synchronized (queueAlarm) {
                    if (queueFullRaised && queue.size() < capacity / 2) {
                        queueFullRaised = false;
                        alarm.cleared("Decision log write queue has drained.");
                    }
                }
                acks.forEach(Runnable::run);
                return;
            } catch (SQLException e) {
                try {
                    execute("ROLLBACK");
                } catch (SQLException alreadyRolledBack) {
                    // SQLite may have rolled back by itself (SQLITE_FULL does); nothing of the batch is kept either way
                }
                alarmed = true;
                alarm.raised("Cannot write the decision log: " + DecisionLog.describe(e) + ". " + batch.size()
                        + " entries are kept in memory and retried; the desk keeps running.");
                LOG.error("Decision log batch of {} failed; retrying in {} ms", batch.size(), backoffMs, e);
                waitForRetry(backoffMs);
                backoffMs = Math.min(backoffMs * 2, 10_000);
                if (closing && backoffMs >= 10_000) {
                    String why = DecisionLog.describe(e);
                    batch.forEach(op -> failAck(op, new IllegalStateException("not logged: " + why)));
                    LOG.error("Decision log closing with {} entries not written: {}", batch.size(), why);
                    return;
                }
            }
        }
    }

    /** VACUUM and pragmas: no open statement may remain, and a refusal fails the request instead of retrying. */
    private void runMaintenance(Maintenance maintenance) {
        closeStatements();
        try (Statement st = connection.createStatement()) {
            st.execute(maintenance.sql());
            maintenance.ack().complete(null);
        } catch (SQLException e) {
            LOG.error("Maintenance '{}' failed", maintenance.sql(), e);
            maintenance.ack().completeExceptionally(e);
        }
    }

    private void closeStatements() {
        for (PreparedStatement st : statements.values()) {
            try {
                st.close();
            } catch (SQLException ignored) {
                // being replaced anyway
            }
        }
        statements.clear();
    }

    private void execute(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    private void submitLater(Maintenance m) {
        if (!queue.offer(m)) {
            m.ack().completeExceptionally(new IllegalStateException("queue full"));
        }
    }

    private PreparedStatement statement(String sql, boolean keys) throws SQLException {
        PreparedStatement st = statements.get(sql);
        if (st == null) {
            st = keys ? connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS) : connection.prepareStatement(sql);
            statements.put(sql, st);
        }
        return st;
    }

    private long lastRowId(Connection c) throws SQLException {
        try (var rs = statement("SELECT last_insert_rowid()", false).executeQuery()) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    private static final String UPSERT_LATEST =
            "INSERT INTO latest_recommendations (symbol, recommendation_id) VALUES (?, ?) "
                    + "ON CONFLICT (symbol) DO UPDATE SET recommendation_id = excluded.recommendation_id";

    private void apply(Op op, List<Runnable> acks) throws SQLException {
        switch (op) {
            case AppendRecommendation a -> insertRecommendations(new ArrayList<>(List.of(a)), acks);
            case AppendHeartbeat h -> {
                PreparedStatement st = statement("INSERT INTO heartbeats (symbol, at_ms, inputs_hash) VALUES (?, ?, ?)", false);
                st.setString(1, h.symbol());
                st.setLong(2, h.atMs());
                st.setString(3, h.inputsHash());
                st.executeUpdate();
            }
            case InsertHandoff i -> insertHandoff(i, acks);
            case UpdateHandoff u -> updateHandoff(u, acks);
            case AppendSettingsChange c -> {
                PreparedStatement st = statement("INSERT INTO settings_changes (changed_at_ms, setting_key, old_value, new_value,"
                        + " user_name, user_role, reason, officer, second_officer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", false);
                SettingsChangeRecord r = c.change();
                st.setLong(1, r.changedAt().toEpochMilli());
                st.setString(2, r.key());
                st.setString(3, r.oldValue());
                st.setString(4, r.newValue());
                st.setString(5, r.userName());
                st.setString(6, r.userRole());
                st.setString(8, r.officer());
                st.setString(9, r.secondOfficer());
                st.setString(7, r.reason());
                st.executeUpdate();
                long id = lastRowId(connection);
                acks.add(() -> c.ack().complete(id));
            }
            case AppendServiceEvent s -> {
                PreparedStatement st = statement("INSERT INTO service_events (at_ms, service, state, detail) VALUES (?, ?, ?, ?)", false);
                st.setLong(1, s.atMs());
                st.setString(2, s.service());
                st.setString(3, s.state());
                st.setString(4, s.detail());
                st.executeUpdate();
            }
            case ResolveOutcomes r -> {
                int resolved = resolveOutcomes(r.trades());
                acks.add(() -> r.ack().complete(resolved));
            }
            case Purge p -> {
                int purged = purge(p.beforeMs());
                acks.add(() -> p.ack().complete(purged));
            }
            case Maintenance m -> throw new IllegalStateException("maintenance runs outside a batch");
        }
    }

    /**
     * Inserts a run of recommendations as one JDBC batch, then points each symbol's latest row at its newest.
     * Ids: with one writer and an INTEGER PRIMARY KEY, SQLite gives each new row max(id) + 1, so the run's ids
     * follow from the max read before it (checked against last_insert_rowid() after it).
     */
    private void insertRecommendations(List<AppendRecommendation> run, List<Runnable> acks) throws SQLException {
        if (run.isEmpty()) {
            return;
        }
        long next;
        try (var rs = statement("SELECT COALESCE(MAX(id), 0) + 1 FROM recommendations", false).executeQuery()) {
            rs.next();
            next = rs.getLong(1);
        }
        PreparedStatement insert = statement(RecommendationRow.INSERT, false);
        for (AppendRecommendation a : run) {
            a.row().bind(insert);
            insert.addBatch();
        }
        insert.executeBatch();
        long last = lastRowId(connection);
        if (last != next + run.size() - 1) {
            throw new SQLException("recommendation ids not consecutive: expected last " + (next + run.size() - 1) + ", got " + last);
        }
        Map<String, Long> newest = new HashMap<>();
        for (int k = 0; k < run.size(); k++) {
            AppendRecommendation a = run.get(k);
            long id = next + k;
            newest.put(a.row().symbol(), id);
            acks.add(() -> a.ack().complete(id));
        }
        PreparedStatement latest = statement(UPSERT_LATEST, false);
        for (Map.Entry<String, Long> e : newest.entrySet()) {
            latest.setString(1, e.getKey());
            latest.setLong(2, e.getValue());
            latest.addBatch();
        }
        latest.executeBatch();
        run.clear();
    }

    private void insertHandoff(InsertHandoff i, List<Runnable> acks) throws SQLException {
        HandoffRecord h = i.handoff();
        PreparedStatement st = statement("INSERT INTO handoffs (client_order_id, recommendation_id, symbol, side, quantity,"
                + " order_type, limit_price, time_in_force, target, request_json, status, user_name, created_at_ms, updated_at_ms)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", false);
        st.setString(1, h.clientOrderId());
        if (h.recommendationId() == null) {
            st.setNull(2, java.sql.Types.INTEGER);
        } else {
            st.setLong(2, h.recommendationId());
        }
        st.setString(3, h.symbol());
        st.setString(4, h.side());
        st.setInt(5, h.quantity());
        st.setString(6, h.orderType());
        if (h.limitPrice() == null) {
            st.setNull(7, java.sql.Types.REAL);
        } else {
            st.setDouble(7, h.limitPrice());
        }
        st.setString(8, h.timeInForce());
        st.setString(9, h.target());
        st.setString(10, h.requestJson());
        st.setString(11, h.status());
        st.setString(12, h.userName());
        st.setLong(13, h.createdAt().toEpochMilli());
        st.setLong(14, h.createdAt().toEpochMilli());
        try {
            st.executeUpdate();
        } catch (SQLException e) {
            if (DecisionLog.isConstraint(e)) {
                acks.add(() -> i.ack().completeExceptionally(new IllegalArgumentException(
                        "client order id " + h.clientOrderId() + " is already in the log")));
                return;
            }
            throw e;
        }
        long id = lastRowId(connection);
        handoffEvent(id, h.createdAt().toEpochMilli(), h.status(), "created");
        acks.add(() -> i.ack().complete(id));
    }

    private void updateHandoff(UpdateHandoff u, List<Runnable> acks) throws SQLException {
        PreparedStatement st = statement("UPDATE handoffs SET status = ?, response_json = COALESCE(?, response_json),"
                + " engine_order_id = COALESCE(?, engine_order_id), error = ?, updated_at_ms = ? WHERE client_order_id = ?", false);
        st.setString(1, u.status());
        st.setString(2, u.responseJson());
        st.setString(3, u.engineOrderId());
        st.setString(4, u.error());
        st.setLong(5, u.atMs());
        st.setString(6, u.clientOrderId());
        int changed = st.executeUpdate();
        if (changed == 0) {
            acks.add(() -> u.ack().completeExceptionally(new IllegalArgumentException("no handoff " + u.clientOrderId())));
            return;
        }
        PreparedStatement find = statement("SELECT id FROM handoffs WHERE client_order_id = ?", false);
        find.setString(1, u.clientOrderId());
        long id;
        try (var rs = find.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
        }
        handoffEvent(id, u.atMs(), u.status(), u.detail());
        acks.add(() -> u.ack().complete(null));
    }

    private void handoffEvent(long handoffId, long atMs, String status, String detail) throws SQLException {
        PreparedStatement st = statement("INSERT INTO handoff_events (handoff_id, at_ms, status, detail) VALUES (?, ?, ?, ?)", false);
        st.setLong(1, handoffId);
        st.setLong(2, atMs);
        st.setString(3, status);
        st.setString(4, detail == null ? "" : detail);
        st.executeUpdate();
    }

    /**
     * Spec step 2: a closed trade resolves the latest TRADE recommendation of the same symbol and side made
     * before its entry time; the outcome is won when its pnl is above 0. A trade already resolved is skipped.
     */
    private int resolveOutcomes(List<ClosedTrade> trades) throws SQLException {
        PreparedStatement st = statement("""
                INSERT OR IGNORE INTO outcomes (trade_id, recommendation_id, symbol, side, p_raw, won, pnl, contracts,
                  entry_at_ms, exit_at_ms)
                SELECT ?, r.id, r.symbol, r.direction, r.p_raw, ?, ?, ?, ?, ?
                FROM recommendations r
                WHERE r.symbol = ? AND r.direction = ? AND r.status = 'TRADE' AND r.decided_at_ms < ?
                ORDER BY r.decided_at_ms DESC LIMIT 1""", false);
        int resolved = 0;
        for (ClosedTrade t : trades) {
            if (t.tradeId() == null || t.tradeId().isBlank()) {
                continue;
            }
            st.setString(1, t.tradeId());
            st.setInt(2, t.pnlCurrency() > 0 ? 1 : 0);
            st.setDouble(3, t.pnlCurrency());
            st.setInt(4, t.contracts());
            st.setLong(5, t.entryTime().toEpochMilli());
            st.setLong(6, t.exitTime().toEpochMilli());
            st.setString(7, t.symbol());
            st.setString(8, t.side().name());
            st.setLong(9, t.entryTime().toEpochMilli());
            resolved += st.executeUpdate();
        }
        return resolved;
    }

    /** Deletes what is older than the cut and not needed by an outcome, a handoff or the latest view. */
    private int purge(long beforeMs) throws SQLException {
        PreparedStatement hb = statement("DELETE FROM heartbeats WHERE at_ms < ?", false);
        hb.setLong(1, beforeMs);
        hb.executeUpdate();
        PreparedStatement st = statement("""
                DELETE FROM recommendations WHERE decided_at_ms < ?
                  AND id NOT IN (SELECT recommendation_id FROM outcomes)
                  AND id NOT IN (SELECT recommendation_id FROM handoffs WHERE recommendation_id IS NOT NULL)
                  AND id NOT IN (SELECT recommendation_id FROM latest_recommendations)""", false);
        st.setLong(1, beforeMs);
        return st.executeUpdate();
    }

    private static void failAck(Op op, Throwable why) {
        switch (op) {
            case AppendRecommendation a -> a.ack().completeExceptionally(why);
            case InsertHandoff i -> i.ack().completeExceptionally(why);
            case UpdateHandoff u -> u.ack().completeExceptionally(why);
            case AppendSettingsChange c -> c.ack().completeExceptionally(why);
            case ResolveOutcomes r -> r.ack().completeExceptionally(why);
            case Purge p -> p.ack().completeExceptionally(why);
            case Maintenance m -> m.ack().completeExceptionally(why);
            case AppendHeartbeat h -> { }
            case AppendServiceEvent s -> { }
        }
    }

    /** Stops after writing everything queued (bounded by the retry limit when the disk keeps failing). */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeStatements();
    }
}
