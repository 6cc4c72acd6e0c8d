package io.kellydesk.store;

import io.kellydesk.core.Account;
import io.kellydesk.core.Direction;
import io.kellydesk.core.KellySizer;
import io.kellydesk.core.ModelId;
import io.kellydesk.core.PayoffStatistics;
import io.kellydesk.core.Prediction;
import io.kellydesk.core.Quote;
import io.kellydesk.core.Recommendation;
import io.kellydesk.core.SizingContext;
import io.kellydesk.core.SizingInputs;
import io.kellydesk.core.SizingSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Real recommendations (from the sizer) to log. */
public final class StoreFixtures {

    static final SizingContext CONTEXT = SizingContext.of(SizingSettings.defaults(), null);

    private StoreFixtures() {
    }

    /**
     * One LSTM prediction: confidence ≥ 0.6 gives a TRADE of up to 5 contracts on 1,000,000 equity (b = 1 prior:
     * f* = 2c − 1, f = c − 0.5, floor(f × 1e6 / 2,565) ≥ 5 from c = 0.6), below 0.6 a BELOW_CONFIDENCE.
     */
    public static Recommendation recommendation(String symbol, Direction direction, double confidence, Instant at) {
        Prediction p = new Prediction(ModelId.LSTM, symbol, direction, confidence, Map.of(), "v1", at.minusSeconds(1));
        Quote q = new Quote(symbol, 100, 100, 100, 0.25, 20, "USD", 85.5, 14, at.minusSeconds(1));
        SizingInputs in = io.kellydesk.testing.TestInputs.inputs(symbol, at, Optional.of(p), Optional.empty(), PayoffStatistics.NONE,
                Optional.of(new Account("DESK-01", 1_000_000, 1_000_000, "USD", at)), Optional.of(q), List.of(), Set.of());
        return KellySizer.recommend(in, CONTEXT);
    }
}
