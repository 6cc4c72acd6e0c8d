package io.kellydesk.desk.table;

import io.kellydesk.core.Recommendation;
import io.kellydesk.engine.PositionWords;
import io.kellydesk.engine.SymbolSnapshot;
import io.kellydesk.engine.SymbolStatus;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * One symbol's line of the table and of the positions panel: the tile's values, as values (a column sorts by the
 * number, not its text). A value the method did not reach is empty. Immutable; built off nothing but the snapshot.
 *
 * @param fractionUsed          f after caps, fraction of equity
 * @param fractionAtRisk        the target's capital at risk over equity
 * @param capitalAtRiskCurrency contracts × risk per contract, in the account currency
 * @param positionCapContracts  max_position_size, or the emergency cap
 */
public record SymbolRow(String symbol, SymbolSnapshot snapshot, SymbolStatus status, String direction,
                        OptionalDouble winProbability, OptionalDouble fullKellyFraction, OptionalDouble fractionUsed,
                        OptionalDouble fractionAtRisk, OptionalDouble edge, int targetContracts, int heldContracts,
                        int workingContracts, int orderContracts, String orderWords, double capitalAtRiskCurrency,
                        String riskSource, int positionCapContracts, Instant decidedAt, String reason) {

    public static SymbolRow of(SymbolSnapshot s, Instant now) {
        Recommendation r = s.recommendation();
        return new SymbolRow(s.symbol(), s, SymbolStatus.of(s, now), switch (r.direction()) {
            case LONG -> "▲ long";
            case SHORT -> "▼ short";
            case NEUTRAL -> "● none";
        }, r.winProbability(), r.fullKellyFraction(), r.fractionUsed(), r.fractionAtRisk(), r.expectedEdge(),
                r.targetContracts(), r.heldContracts(), r.workingContracts(), r.orderContracts(),
                r.hasOrder() ? PositionWords.side(r.orderContracts()) + " " + Math.abs(r.orderContracts()) : "",
                r.capitalAtRiskCurrency(), r.riskPerContract().map(PositionWords::riskSource).orElse(""),
                r.positionCapContracts(), r.decidedAt(), r.isTrade() ? "" : r.reason().words());
    }

    public boolean isTrade() {
        return snapshot.recommendation().isTrade();
    }

    /** |held + working + order|: the position the order on offer leads to, against the cap. */
    public int exposureAfterOrderContracts() {
        return Math.abs(snapshot.recommendation().exposureAfterOrder());
    }
}
