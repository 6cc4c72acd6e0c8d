package io.kellydesk.testing;

import io.kellydesk.core.Account;
import io.kellydesk.core.Direction;
import io.kellydesk.core.Exposure;
import io.kellydesk.core.PayoffStatistics;
import io.kellydesk.core.Prediction;
import io.kellydesk.core.Quote;
import io.kellydesk.core.SizingInputs;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sizing inputs for tests written before spec step 0 tracked ages: every value given was received just now (or as of
 * its own timestamp), the history arrived (possibly empty), the positions arrived and this symbol is flat.
 */
public final class TestInputs {

    private TestInputs() {
    }

    public static SizingInputs inputs(String symbol, Instant now, Optional<Prediction> lstm, Optional<Prediction> ensemble,
                                      PayoffStatistics payoff, Optional<Account> account, Optional<Quote> quote,
                                      List<Exposure> others, Set<String> unhealthy) {
        SizingInputs.Builder b = SizingInputs.builder(symbol, now).payoff(payoff).positions(0).working(0).others(others)
                .unhealthy(unhealthy);
        lstm.ifPresent(b::prediction);
        ensemble.ifPresent(b::prediction);
        account.ifPresent(b::account);
        quote.ifPresent(b::quote);
        return b.build();
    }

    /** Another symbol held on {@code side}, priced and correlated. */
    public static Exposure open(String symbol, Direction side, int contracts, double riskPerContract, double correlation) {
        return Exposure.priced(symbol, side == Direction.SHORT ? -contracts : contracts, 0, riskPerContract, correlation);
    }
}
