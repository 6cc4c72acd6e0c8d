package io.kellydesk.store;

import io.kellydesk.core.LoggedDecision;
import io.kellydesk.core.IsotonicCalibrator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.kellydesk.core.SettingsChangeRecord;

/**
 * Reads for the desk, on their own read-only connection so they never wait for the writer (WAL lets
 * readers and the writer run side by side). Call from a background thread; one reader at a time.
 */
public final class DecisionQueries {

    private static final String LISTED = "r.id, r.symbol, r.decided_at_ms, r.status, r.reason, r.reason_detail, r.direction, "
            + "r.p_win, r.f_kelly, r.f_used, r.contracts, r.capital_at_risk, r.emergency, r.inputs_hash, r.settings_version, "
            + "r.held_contracts, r.working_contracts, r.target_contracts, r.order_contracts, r.action";

    private final Connection connection;

    DecisionQueries(Connection connection) {
        this.connection = connection;
    }

    /** Filters for the decision list; a null field does not filter. Times are inclusive-exclusive. */
    public record Filter(String symbol, String status, String reason, Instant from, Instant to) {
        public static final Filter NONE = new Filter(null, null, null, null, null);
    }

    /** The newest recommendation of every symbol ever logged. */
    private List<LoggedDecision> latestPerSymbolSql() throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT " + LISTED
                + " FROM latest_recommendations l JOIN recommendations r ON r.id = l.recommendation_id ORDER BY r.symbol")) {
            return list(st);
        }
    }

    /** A symbol's recommendations in [from, to), oldest first. */
    private List<LoggedDecision> historySql(String symbol, Instant from, Instant to) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT " + LISTED + " FROM recommendations r"
                + " WHERE r.symbol = ? AND r.decided_at_ms >= ? AND r.decided_at_ms < ? ORDER BY r.decided_at_ms, r.id")) {
            st.setString(1, symbol);
            st.setLong(2, from.toEpochMilli());
            st.setLong(3, to.toEpochMilli());
            return list(st);
        }
    }

    /** The newest {@code limit} recommendations matching {@code filter}, newest first. */
    private List<LoggedDecision> latestSql(int limit, Filter filter) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + LISTED + " FROM recommendations r WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.symbol() != null) {
            sql.append(" AND r.symbol = ?");
            args.add(filter.symbol());
        }
        if (filter.status() != null) {
            sql.append(" AND r.status = ?");
            args.add(filter.status());
        }
        if (filter.reason() != null) {
            sql.append(" AND r.reason = ?");
            args.add(filter.reason());
        }
        if (filter.from() != null) {
            sql.append(" AND r.decided_at_ms >= ?");
            args.add(filter.from().toEpochMilli());
        }
        if (filter.to() != null) {
            sql.append(" AND r.decided_at_ms < ?");
            args.add(filter.to().toEpochMilli());
        }
        sql.append(" ORDER BY r.id DESC LIMIT ?");
        args.add(limit);
        try (PreparedStatement st = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                st.setObject(i + 1, args.get(i));
            }
            return list(st);
        }
    }

    /** Every column of one recommendation (inputs JSON included), for its full explanation. */
    private Optional<Map<String, Object>> rowSql(long id) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT * FROM recommendations WHERE id = ?")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                ResultSetMetaData meta = rs.getMetaData();
                Map<String, Object> row = new LinkedHashMap<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    row.put(meta.getColumnName(c), rs.getObject(c));
                }
                return Optional.of(row);
            }
        }
    }

    /** (p_raw, won) of every resolved outcome: the calibrator's input. */
    private List<IsotonicCalibrator.Outcome> outcomePairsSql() throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT p_raw, won FROM outcomes");
             ResultSet rs = st.executeQuery()) {
            List<IsotonicCalibrator.Outcome> pairs = new ArrayList<>();
            while (rs.next()) {
                pairs.add(new IsotonicCalibrator.Outcome(rs.getDouble(1), rs.getInt(2) == 1));
            }
            return pairs;
        }
    }

    /** Every resolved trade with each model's prediction before it, for the calibration view. */
    private List<io.kellydesk.core.CalibrationOutcome> calibrationOutcomesSql() throws SQLException {
        String sql = "SELECT o.side, o.p_raw, o.won, r.p_win, json_extract(r.inputs_json, '$.lstm'), json_extract(r.inputs_json, '$.ensemble')"
                + " FROM outcomes o JOIN recommendations r ON r.id = o.recommendation_id ORDER BY o.id";
        try (PreparedStatement st = connection.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            List<io.kellydesk.core.CalibrationOutcome> outcomes = new ArrayList<>();
            while (rs.next()) {
                Double used = nullableDouble(rs, 4);
                outcomes.add(new io.kellydesk.core.CalibrationOutcome(io.kellydesk.core.Direction.valueOf(rs.getString(1)),
                        probabilityLong(rs.getString(5)), probabilityLong(rs.getString(6)), rs.getDouble(2),
                        used == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(used), rs.getInt(3) == 1));
            }
            return outcomes;
        }
    }

    /** A logged prediction's P(long), or empty when there was none (or it does not read as one). */
    private static java.util.OptionalDouble probabilityLong(String predictionJson) {
        if (predictionJson == null || predictionJson.isBlank() || predictionJson.equals("null")) {
            return java.util.OptionalDouble.empty();
        }
        try {
            return java.util.OptionalDouble.of(RecommendationRow.JSON.readValue(predictionJson, io.kellydesk.core.Prediction.class).probabilityLong());
        } catch (java.io.IOException | RuntimeException unreadable) {
            return java.util.OptionalDouble.empty();
        }
    }

    /**
     * A closed trade with the recommendation it resolved, for replaying Kelly against fixed sizing.
     *
     * @param pnl             the trade's result in currency
     * @param fractionUsed    the fraction of equity the desk recommended (null if not reached)
     * @param riskPerContract currency, as the desk computed it then
     */
    public record ResolvedTrade(String tradeId, String symbol, Instant exitAt, int contracts, double pnl, boolean won,
                                Double fractionUsed, Double riskPerContract, Double winProbability, Double payoffRatio) {
    }

    /** The resolved trades that closed at or after {@code since}, oldest first (optionally of one symbol). */
    private List<ResolvedTrade> resolvedTradesSql(Instant since, String symbolOrNull) throws SQLException {
        String sql = "SELECT o.trade_id, o.symbol, o.exit_at_ms, o.contracts, o.pnl, o.won, r.f_used, r.risk_per_contract,"
                + " r.p_win, r.payoff_b FROM outcomes o JOIN recommendations r ON r.id = o.recommendation_id"
                + " WHERE o.exit_at_ms >= ?" + (symbolOrNull == null ? "" : " AND o.symbol = ?") + " ORDER BY o.exit_at_ms, o.id";
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setLong(1, since.toEpochMilli());
            if (symbolOrNull != null) {
                st.setString(2, symbolOrNull);
            }
            try (ResultSet rs = st.executeQuery()) {
                List<ResolvedTrade> trades = new ArrayList<>();
                while (rs.next()) {
                    trades.add(new ResolvedTrade(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getInt(4),
                            rs.getDouble(5), rs.getInt(6) == 1, nullableDouble(rs, 7), nullableDouble(rs, 8),
                            nullableDouble(rs, 9), nullableDouble(rs, 10)));
                }
                return trades;
            }
        }
    }

    private List<SettingsChangeRecord> settingsChangesSql(Instant since, String keyOrNull) throws SQLException {
        String sql = "SELECT changed_at_ms, setting_key, old_value, new_value, user_name, user_role, reason, officer, second_officer"
                + " FROM settings_changes"
                + " WHERE changed_at_ms >= ?" + (keyOrNull == null ? "" : " AND setting_key = ?") + " ORDER BY changed_at_ms DESC, id DESC";
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setLong(1, since.toEpochMilli());
            if (keyOrNull != null) {
                st.setString(2, keyOrNull);
            }
            try (ResultSet rs = st.executeQuery()) {
                List<SettingsChangeRecord> changes = new ArrayList<>();
                while (rs.next()) {
                    changes.add(new SettingsChangeRecord(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
                }
                return changes;
            }
        }
    }

    /** A handoff's current state as logged. */
    public record HandoffState(String clientOrderId, String symbol, String side, int quantity, String status,
                               String engineOrderId, String error, String requestJson, Instant createdAt, Instant updatedAt,
                               String target, String userName) {
    }

    private List<HandoffState> handoffsSql(Instant since) throws SQLException {
        return handoffsWhere("created_at_ms >= ?", since.toEpochMilli());
    }

    /** Handoffs whose last state is not final (e.g. the desk stopped mid-flight). */
    private List<HandoffState> handoffsInStatusSql(List<String> statuses) throws SQLException {
        List<HandoffState> all = new ArrayList<>();
        for (String status : statuses) {
            all.addAll(handoffsWhere("status = ?", status));
        }
        return all;
    }

    private List<HandoffState> handoffsWhere(String where, Object arg) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT client_order_id, symbol, side, quantity, status,"
                + " engine_order_id, error, request_json, created_at_ms, updated_at_ms, target, user_name FROM handoffs WHERE " + where
                + " ORDER BY created_at_ms DESC")) {
            st.setObject(1, arg);
            try (ResultSet rs = st.executeQuery()) {
                List<HandoffState> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(new HandoffState(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), Instant.ofEpochMilli(rs.getLong(9)),
                            Instant.ofEpochMilli(rs.getLong(10)), rs.getString(11), rs.getString(12)));
                }
                return list;
            }
        }
    }

    private long countSql(String table) throws SQLException {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("table name " + table);
        }
        try (PreparedStatement st = connection.prepareStatement("SELECT COUNT(*) FROM " + table); ResultSet rs = st.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    public synchronized List<LoggedDecision> latestPerSymbol() throws DecisionLogException {
        return read(() -> latestPerSymbolSql());
    }

    public synchronized List<LoggedDecision> history(String symbol, Instant from, Instant to) throws DecisionLogException {
        return read(() -> historySql(symbol, from, to));
    }

    public synchronized List<LoggedDecision> latest(int limit, Filter filter) throws DecisionLogException {
        return read(() -> latestSql(limit, filter));
    }

    public synchronized Optional<Map<String, Object>> row(long id) throws DecisionLogException {
        return read(() -> rowSql(id));
    }

    public synchronized List<IsotonicCalibrator.Outcome> outcomePairs() throws DecisionLogException {
        return read(() -> outcomePairsSql());
    }

    public synchronized List<io.kellydesk.core.CalibrationOutcome> calibrationOutcomes() throws DecisionLogException {
        return read(this::calibrationOutcomesSql);
    }

    public synchronized List<ResolvedTrade> resolvedTrades(Instant since, String symbolOrNull) throws DecisionLogException {
        return read(() -> resolvedTradesSql(since, symbolOrNull));
    }

    public synchronized List<SettingsChangeRecord> settingsChanges(Instant since, String keyOrNull) throws DecisionLogException {
        return read(() -> settingsChangesSql(since, keyOrNull));
    }

    public synchronized List<HandoffState> handoffs(Instant since) throws DecisionLogException {
        return read(() -> handoffsSql(since));
    }

    public synchronized List<HandoffState> handoffsInStatus(List<String> statuses) throws DecisionLogException {
        return read(() -> handoffsInStatusSql(statuses));
    }

    public synchronized long count(String table) throws DecisionLogException {
        return read(() -> countSql(table));
    }

    private interface SqlRead<T> {
        T run() throws SQLException;
    }

    /** Every public read: the JDBC failure becomes the store's own exception, described in words. */
    private static <T> T read(SqlRead<T> call) throws DecisionLogException {
        try {
            return call.run();
        } catch (SQLException e) {
            throw new DecisionLogException("Cannot read the decision log: " + DecisionLog.describe(e), e);
        }
    }

    private static List<LoggedDecision> list(PreparedStatement st) throws SQLException {
        try (ResultSet rs = st.executeQuery()) {
            List<LoggedDecision> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new LoggedDecision(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), nullableDouble(rs, 8), nullableDouble(rs, 9),
                        nullableDouble(rs, 10), rs.getInt(11), rs.getDouble(12), rs.getInt(13) == 1, rs.getString(14), rs.getString(15),
                        nullableInt(rs, 16), nullableInt(rs, 17), nullableInt(rs, 18), nullableInt(rs, 19), rs.getString(20)));
            }
            return rows;
        }
    }

    private static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
