package io.kellydesk.desk.decisions;

import io.kellydesk.core.ReasonCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One logged recommendation's full row in words, grouped as the method goes: times in the desk's zone, fractions
 * as percent, money with separators, flags as yes/no, ages in seconds. The columns come from the decision log
 * (docs/decision-log.md); one this class does not know is shown as it is, under "Other". No JavaFX.
 */
public final class DecisionRecord {

    /** One line of the record: its group, its label and its value in words. */
    public record Line(String group, String label, String text) {
    }

    private enum Unit { TIME, FRACTION, MONEY, RATIO, CONTRACTS, FLAG, AGE, TEXT, REASON }

    private record Column(String group, String label, Unit unit) {
    }

    private static final Map<String, Column> COLUMNS = new java.util.LinkedHashMap<>();

    private static void column(String name, String group, String label, Unit unit) {
        COLUMNS.put(name, new Column(group, label, unit));
    }

    static {
        String d = "Decision";
        column("id", d, "Log id", Unit.TEXT);
        column("symbol", d, "Symbol", Unit.TEXT);
        column("decided_at_ms", d, "Decided at", Unit.TIME);
        column("status", d, "Status", Unit.TEXT);
        column("reason", d, "Reason", Unit.REASON);
        column("reason_detail", d, "Reason in detail", Unit.TEXT);
        column("direction", d, "Direction", Unit.TEXT);
        String p = "Win probability";
        column("p_long", p, "p_long (blended)", Unit.FRACTION);
        column("p_raw", p, "p_raw (side taken)", Unit.FRACTION);
        column("p_win", p, "p used", Unit.FRACTION);
        column("calibrated", p, "Calibrated", Unit.FLAG);
        column("model_agreement", p, "Models", Unit.TEXT);
        column("confidence_spread", p, "Confidence spread", Unit.FRACTION);
        String k = "Kelly fraction";
        column("payoff_b_hist", k, "Payoff ratio b_hist", Unit.RATIO);
        column("payoff_trades_n", k, "Decisive trades n", Unit.TEXT);
        column("payoff_b", k, "Payoff ratio b", Unit.RATIO);
        column("f_kelly", k, "Full Kelly f*", Unit.FRACTION);
        column("f_after_multiplier", k, "After multiplier", Unit.FRACTION);
        column("capped_at_max_fraction", k, "Capped at max fraction", Unit.FLAG);
        column("drawdown_fraction", k, "Drawdown", Unit.FRACTION);
        column("emergency", k, "Emergency", Unit.FLAG);
        column("f_used", k, "f used", Unit.FRACTION);
        column("f_at_risk", k, "f at risk", Unit.FRACTION);
        column("expected_edge", k, "Edge b·p − q", Unit.RATIO);
        column("growth_rate", k, "Log growth g(f)", Unit.RATIO);
        String c = "Contracts";
        column("risk_per_contract", c, "Risk per contract", Unit.MONEY);
        column("risk_source", c, "Risk from", Unit.TEXT);
        column("contracts_sized", c, "Sized", Unit.CONTRACTS);
        column("capped_at_max_position", c, "Capped at max position", Unit.FLAG);
        column("position_cap", c, "Position cap", Unit.CONTRACTS);
        column("open_risk", c, "Open risk (others)", Unit.MONEY);
        column("contracts_after_portfolio", c, "After portfolio cut", Unit.CONTRACTS);
        column("correlated_exposure", c, "Correlated exposure", Unit.MONEY);
        column("contracts_after_correlation", c, "After correlation cut", Unit.CONTRACTS);
        column("unknown_correlations", c, "Correlation unknown with", Unit.TEXT);
        column("halved_by_validation", c, "Halved by validation", Unit.FLAG);
        column("contracts", c, "Final target", Unit.CONTRACTS);
        column("capital_at_risk", c, "Capital at risk", Unit.MONEY);
        String o = "Position and order";
        column("held_contracts", o, "Held", Unit.CONTRACTS);
        column("working_contracts", o, "Working", Unit.CONTRACTS);
        column("target_contracts", o, "Target", Unit.CONTRACTS);
        column("order_contracts", o, "Order on offer", Unit.CONTRACTS);
        column("action", o, "Action", Unit.TEXT);
        column("action_reason", o, "Action reason", Unit.TEXT);
        String a = "Input ages when decided";
        for (String input : List.of("lstm", "ensemble", "trade_history", "account", "positions", "working_orders", "quote", "bars")) {
            column("age_" + input + "_ms", a, input.replace('_', ' '), Unit.AGE);
        }
        String r = "Replay";
        column("inputs_hash", r, "Inputs hash", Unit.TEXT);
        column("settings_version", r, "Settings version", Unit.TEXT);
        column("inputs_json", r, "Inputs (as logged)", Unit.TEXT);
    }

    private DecisionRecord() {
    }

    /** The row's lines in the method's order; {@code time} writes a moment in the desk's zone. */
    public static List<Line> lines(Map<String, Object> row, Function<Instant, String> time) {
        List<Line> lines = new ArrayList<>();
        COLUMNS.forEach((name, column) -> {
            if (row.containsKey(name)) {
                lines.add(new Line(column.group(), column.label(), text(row.get(name), column.unit(), time)));
            }
        });
        row.forEach((name, value) -> {
            if (!COLUMNS.containsKey(name)) {
                lines.add(new Line("Other", name, value == null ? "—" : value.toString()));
            }
        });
        return lines;
    }

    static String text(Object value, Unit unit, Function<Instant, String> time) {
        if (value == null || value.toString().isEmpty()) {
            return "—";
        }
        return switch (unit) {
            case TIME -> time.apply(Instant.ofEpochMilli(((Number) value).longValue()));
            case FRACTION -> String.format(Locale.ROOT, "%.2f %%", ((Number) value).doubleValue() * 100);
            case MONEY -> String.format(Locale.ROOT, "%,.2f", ((Number) value).doubleValue());
            case RATIO -> String.format(Locale.ROOT, "%.4f", ((Number) value).doubleValue());
            case CONTRACTS -> signed(((Number) value).intValue());
            case FLAG -> ((Number) value).intValue() != 0 ? "yes" : "no";
            case AGE -> String.format(Locale.ROOT, "%.1f s", ((Number) value).longValue() / 1000.0);
            case REASON -> value.equals("NONE") ? "—" : wordsOf(value.toString());
            case TEXT -> value.toString();
        };
    }

    private static String signed(int contracts) {
        return contracts > 0 ? "+" + contracts : Integer.toString(contracts);
    }

    private static String wordsOf(String reason) {
        try {
            return ReasonCode.valueOf(reason).words();
        } catch (IllegalArgumentException unknown) {
            return reason;
        }
    }
}
