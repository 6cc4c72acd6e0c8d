package io.kellydesk.desk.table;

import io.kellydesk.desk.fx.Formats;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * A column of the symbol table: its id (kept in the saved layout), header, width, the text of a row and the order
 * it sorts in (by value, empty values last). No JavaFX.
 */
public record SymbolColumn(String id, String title, double width, Function<SymbolRow, String> text,
                           Comparator<SymbolRow> order, boolean shownByDefault) {

    static SymbolColumn text(String id, String title, double width, Function<SymbolRow, String> text) {
        return new SymbolColumn(id, title, width, text, Comparator.comparing(text), true);
    }

    static SymbolColumn fraction(String id, String title, double width, Function<SymbolRow, OptionalDouble> value) {
        return new SymbolColumn(id, title, width, r -> value.apply(r).stream().mapToObj(Formats::pct).findFirst().orElse("—"),
                emptyLast(value), true);
    }

    static SymbolColumn contracts(String id, String title, double width, Function<SymbolRow, Integer> value) {
        return new SymbolColumn(id, title, width, r -> signed(value.apply(r)), Comparator.comparingInt(value::apply), true);
    }

    SymbolColumn hiddenByDefault() {
        return new SymbolColumn(id, title, width, text, order, false);
    }

    private static Comparator<SymbolRow> emptyLast(Function<SymbolRow, OptionalDouble> value) {
        return (a, b) -> {
            OptionalDouble x = value.apply(a);
            OptionalDouble y = value.apply(b);
            if (x.isEmpty() || y.isEmpty()) {
                return Boolean.compare(x.isEmpty(), y.isEmpty());
            }
            return Double.compare(x.getAsDouble(), y.getAsDouble());
        };
    }

    static String signed(int contracts) {
        return contracts > 0 ? "+" + contracts : Integer.toString(contracts);
    }

    /** The table's columns: the tile's values, left to right as a tile reads top to bottom. */
    public static List<SymbolColumn> table() {
        return List.of(
                text("symbol", "Symbol", 124, SymbolRow::symbol),
                text("status", "Status", 100, r -> r.status().kind().name().replace('_', ' ')),
                text("direction", "Side", 70, SymbolRow::direction),
                contracts("target", "Target", 62, SymbolRow::targetContracts),
                contracts("held", "Held", 56, SymbolRow::heldContracts),
                contracts("working", "Working", 72, SymbolRow::workingContracts),
                new SymbolColumn("order", "Order", 76, SymbolRow::orderWords, Comparator.comparingInt(SymbolRow::orderContracts), true),
                fraction("p", "p", 64, SymbolRow::winProbability),
                fraction("f_used", "f used", 66, SymbolRow::fractionUsed),
                fraction("f_at_risk", "Risk %", 66, SymbolRow::fractionAtRisk),
                fraction("f_kelly", "f*", 64, SymbolRow::fullKellyFraction),
                new SymbolColumn("capital_at_risk", "At risk", 84, r -> r.isTrade() ? Formats.money(r.capitalAtRiskCurrency()) : "—",
                        Comparator.comparingDouble(SymbolRow::capitalAtRiskCurrency), true),
                text("risk_source", "Risk from", 86, SymbolRow::riskSource).hiddenByDefault(),
                new SymbolColumn("edge", "Edge", 64, r -> r.edge().stream().mapToObj(e -> String.format(java.util.Locale.ROOT, "%.3f", e))
                        .findFirst().orElse("—"), emptyLast(SymbolRow::edge), false),
                contracts("cap", "Cap", 50, SymbolRow::positionCapContracts).hiddenByDefault(),
                text("why", "Why", 260, r -> r.status().words()));
    }
}
