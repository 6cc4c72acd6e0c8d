package io.kellydesk.core;

import java.time.Instant;
import java.util.Objects;

/**
 * The trading account as the engine reports it.
 *
 * @param equityCurrency     current equity in the account currency
 * @param peakEquityCurrency the high-water mark of equity
 */
public record Account(String accountId, double equityCurrency, double peakEquityCurrency, String currency, Instant timestamp) {

    public Account {
        Objects.requireNonNull(timestamp, "timestamp");
        if (!(equityCurrency > 0) || !Double.isFinite(equityCurrency)) {
            throw new IllegalArgumentException("equity must be a positive number, was " + equityCurrency);
        }
        if (!(peakEquityCurrency > 0) || !Double.isFinite(peakEquityCurrency)) {
            throw new IllegalArgumentException("peak equity must be a positive number, was " + peakEquityCurrency);
        }
    }

    /**
     * Spec step 7: drawdown = 1 − equity / peak, as a fraction. Equity above a (stale) peak counts as no
     * drawdown rather than a negative one.
     */
    public double drawdownFraction() {
        return Math.max(0.0, 1.0 - equityCurrency / peakEquityCurrency);
    }
}
