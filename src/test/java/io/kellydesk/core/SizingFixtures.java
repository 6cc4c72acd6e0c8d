package io.kellydesk.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Building blocks for sizing tests: the worked example of docs/sizing.md and small variations. */
public final class SizingFixtures {

    public static final Instant NOW = Instant.parse("2026-11-23T14:30:00Z");

    private SizingFixtures() {
    }

    public static Prediction lstm(Direction direction, double confidence) {
        return new Prediction(ModelId.LSTM, "NQZ26-CME", direction, confidence, Map.of(), "lstm-test", NOW.minusSeconds(2));
    }

    public static Prediction ensemble(Direction direction, double confidence, Map<String, Double> members) {
        return new Prediction(ModelId.ENSEMBLE, "NQZ26-CME", direction, confidence, members, "ens-test", NOW.minusSeconds(1));
    }

    public static Quote nqQuote() {
        // NQ: 20 USD per point, ATR 85.5 points → ATR stop 1.5 × 85.5 × 20 = 2,565 USD per contract
        return new Quote("NQZ26-CME", 23412.25, 23412.0, 23412.5, 0.25, 20.0, "USD", 85.5, 14, NOW.minusSeconds(1));
    }

    public static Account account(double equity, double peak) {
        return new Account("DESK-01", equity, peak, "USD", NOW.minusSeconds(5));
    }

    /**
     * The worked example: LSTM long 0.73; ensemble long with members .71/.66/.64/.70; 12 wins of 450 and 4
     * losses of 300 per contract; equity 100,000 at a peak of 150,000; ES long 2 (ρ 0.92) and CL short 1 (ρ 0.10) open.
     */
    public static SizingInputs workedExample() {
        return io.kellydesk.testing.TestInputs.inputs("NQZ26-CME", NOW,
                Optional.of(lstm(Direction.LONG, 0.73)),
                Optional.of(ensemble(Direction.LONG, 0.68, Map.of("xgboost", 0.71, "lightgbm", 0.66, "random_forest", 0.64, "catboost", 0.70))),
                new PayoffStatistics(12, 4, 450, 300),
                Optional.of(account(100_000, 150_000)),
                Optional.of(nqQuote()),
                List.of(io.kellydesk.testing.TestInputs.open("ESZ26-CME", Direction.LONG, 2, 3_000, 0.92),
                        io.kellydesk.testing.TestInputs.open("CLF27-NYMEX", Direction.SHORT, 1, 3_000, 0.10)),
                Set.of());
    }

    /** A plain case: one fresh LSTM prediction, no history, healthy account, nothing open. */
    public static SizingInputs simple(Direction direction, double confidence, double equity) {
        return io.kellydesk.testing.TestInputs.inputs("NQZ26-CME", NOW, Optional.of(lstm(direction, confidence)), Optional.empty(),
                PayoffStatistics.NONE, Optional.of(account(equity, equity)), Optional.of(nqQuote()), List.of(), Set.of());
    }

    public static SizingContext defaults() {
        return SizingContext.of(SizingSettings.defaults(), null);
    }
}
