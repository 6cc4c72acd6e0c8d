package io.kellydesk.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One symbol's recommendation with every intermediate value of the method (spec step 12), so the desk can
 * explain it and the decision log can replay it. A value the method never reached is empty, never invented.
 * Fractions are of account equity; amounts in the account currency.
 */
public record Recommendation(
        String symbol,
        Instant decidedAt,
        SizingInputs inputs,
        String inputsHash,
        String settingsVersion,
        Status status,
        ReasonCode reason,
        String reasonDetail,
        Direction direction,
        Optional<ProbabilityEstimate> estimate,
        OptionalDouble historicalPayoffRatio,      // b_hist
        int decisiveTrades,                         // n
        OptionalDouble payoffRatio,                 // b after shrinkage
        OptionalDouble fullKellyFraction,           // f_kelly
        OptionalDouble fractionAfterMultiplier,     // kelly_multiplier × f_kelly
        boolean cappedAtMaxFraction,                // max_kelly_fraction bound
        OptionalDouble drawdownFraction,
        boolean emergency,
        OptionalDouble fractionUsed,                // f after cap and emergency cut
        Optional<RiskPerContract> riskPerContract,
        OptionalInt contractsSized,                 // step 8, after max_position_size
        boolean cappedAtMaxPosition,
        OptionalDouble openRiskCurrency,            // step 9
        OptionalInt contractsAfterPortfolio,
        OptionalDouble correlatedExposureCurrency,  // step 10, of the final size
        OptionalInt contractsAfterCorrelation,
        boolean halvedByValidation,                 // step 11
        int contracts,                              // final; 0 unless TRADE
        double capitalAtRiskCurrency,               // contracts × risk per contract
        OptionalDouble expectedEdge,                // b·p − q
        OptionalDouble growthRate,                  // g(fraction used)
        OptionalDouble fractionAtRisk,              // capital_at_risk / equity for the final size (≤ fraction used)
        List<String> unknownCorrelations,           // symbols whose ρ with this one was unknown (counted as 1)
        List<InputKind> staleInputs,                // inputs older than their limit at decidedAt
        int positionCapContracts,                   // step 7: max_position_size, or the emergency cap
        int heldContracts,                          // step 12, signed (+ long)
        int workingContracts,                       // signed unfilled working orders (+ buy)
        int targetContracts,                        // signed target: +n long TRADE, −n short, 0 NO_TRADE
        int orderContracts,                         // signed order on offer (+ buy), 0 for none
        OrderAction action,
        ActionReason actionReason) {

    public enum Status { TRADE, NO_TRADE }

    public Recommendation {
        Objects.requireNonNull(symbol);
        Objects.requireNonNull(status);
        Objects.requireNonNull(reason);
        Objects.requireNonNull(action);
        Objects.requireNonNull(actionReason);
        unknownCorrelations = List.copyOf(unknownCorrelations);
        staleInputs = List.copyOf(staleInputs);
        if ((action == OrderAction.NONE) != (orderContracts == 0)) {
            throw new IllegalArgumentException("an order of " + orderContracts + " contracts does not fit action " + action);
        }
        if (status == Status.TRADE && (reason != ReasonCode.NONE || contracts <= 0)) {
            throw new IllegalArgumentException("a TRADE has no reason code and at least one contract");
        }
        if (status == Status.NO_TRADE && (reason == ReasonCode.NONE || contracts != 0)) {
            throw new IllegalArgumentException("a NO_TRADE carries a reason and no contracts");
        }
    }

    public boolean isTrade() {
        return status == Status.TRADE;
    }

    /** x = held + working, signed contracts. */
    public int exposureContracts() {
        return heldContracts + workingContracts;
    }

    /** The position the order on offer leads to (x + order), signed contracts. */
    public int exposureAfterOrder() {
        return exposureContracts() + orderContracts;
    }

    public boolean hasOrder() {
        return action != OrderAction.NONE;
    }

    /** How old the input was when this was decided; empty when it never arrived. */
    public Optional<java.time.Duration> inputAge(InputKind kind) {
        return inputs.age(kind);
    }

    /** Win probability used for sizing (p), when the method got that far. */
    public OptionalDouble winProbability() {
        return estimate.map(e -> OptionalDouble.of(e.winProbability())).orElse(OptionalDouble.empty());
    }
}
