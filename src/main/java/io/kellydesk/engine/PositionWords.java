package io.kellydesk.engine;

import io.kellydesk.core.InputKind;
import io.kellydesk.core.KellyMath;
import io.kellydesk.core.OrderAction;
import io.kellydesk.core.Recommendation;
import io.kellydesk.core.RiskPerContract;
import java.util.Locale;
import java.util.Optional;

/**
 * A recommendation's position and order in the words a tile, the detail pane and the ticket share
 * ("target 5 long · holding 3 · buy 2", "at target", "reduce 4: emergency cap 2"). Pure: no JavaFX, testable alone.
 */
public final class PositionWords {

    private PositionWords() {
    }

    /** The step-12 line: target, what is held and working, and the order on offer. */
    public static String orderLine(Recommendation r) {
        if (!r.inputAge(InputKind.POSITIONS).isPresent() || r.staleInputs().contains(InputKind.POSITIONS)) {
            return "positions " + (r.inputAge(InputKind.POSITIONS).isPresent() ? "stale" : "unknown") + ": no order";
        }
        String holding = holding(r.heldContracts(), r.workingContracts());
        return switch (r.action()) {
            case ADD -> "target " + signed(r.targetContracts()) + " · " + holding + " · " + side(r.orderContracts()) + " "
                    + Math.abs(r.orderContracts());
            case REVERSE -> "target " + signed(r.targetContracts()) + " · " + holding + " · " + side(r.orderContracts()) + " "
                    + Math.abs(r.orderContracts()) + " (close " + Math.abs(r.exposureContracts()) + ", open "
                    + Math.abs(r.targetContracts()) + ")";
            case REDUCE -> "reduce " + Math.abs(r.orderContracts()) + ": " + (r.actionReason() == io.kellydesk.core.ActionReason.EMERGENCY
                    ? "emergency cap " : "max position ") + r.positionCapContracts() + " · " + holding + " · "
                    + side(r.orderContracts()) + " " + Math.abs(r.orderContracts());
            case NONE -> r.isTrade() ? "at target " + signed(r.targetContracts()) + " · " + holding : holding + " · no order";
        };
    }

    /** "holding 3 long", "holding 3 long · working sell 1", "flat". */
    public static String holding(int held, int working) {
        String h = held == 0 ? "flat" : "holding " + signed(held);
        return working == 0 ? h : h + " · working " + side(working) + " " + Math.abs(working);
    }

    /** "5 long", "3 short", "0". */
    public static String signed(int contracts) {
        return contracts == 0 ? "0" : Math.abs(contracts) + (contracts > 0 ? " long" : " short");
    }

    public static String side(int orderContracts) {
        return orderContracts > 0 ? "buy" : "sell";
    }

    /** "mean loss" or "ATR stop": where the risk per contract comes from. */
    public static String riskSource(RiskPerContract risk) {
        return risk.source() == RiskPerContract.Source.MEAN_LOSS ? "mean loss" : "ATR stop";
    }

    /** "mean loss of 12 losses" or "1.5 × ATR stop": the source with the numbers behind it, for the detail pane. */
    public static String riskSource(RiskPerContract risk, int losses, double stopAtrMultiple) {
        return risk.source() == RiskPerContract.Source.MEAN_LOSS ? "mean loss of " + losses + " losses"
                : String.format(Locale.ROOT, "%s × ATR stop (fewer losses than min_losses_for_risk)", trim(stopAtrMultiple));
    }

    /**
     * P(ever down 30 %) for the fraction the target actually risks (spec step 8: c = f_at_risk / f_kelly); empty
     * without a trade.
     */
    public static Optional<Double> ruinProbability30(Recommendation r) {
        if (!r.isTrade() || r.fractionAtRisk().isEmpty() || r.fullKellyFraction().isEmpty() || r.fullKellyFraction().getAsDouble() <= 0) {
            return Optional.empty();
        }
        double c = r.fractionAtRisk().getAsDouble() / r.fullKellyFraction().getAsDouble();
        return c > 0 ? Optional.of(KellyMath.probabilityOfEverFallingTo(0.7, c)) : Optional.empty();
    }

    public static boolean offersOrder(Recommendation r) {
        return r.action() != OrderAction.NONE;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
