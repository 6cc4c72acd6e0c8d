package io.kellydesk.core;

import java.time.Instant;
import java.util.Objects;

/**
 * The market-data quote of one symbol.
 *
 * @param pointValueCurrency currency value of one full point move for one contract (NQ 20, ES 50, …)
 * @param atrPoints          average true range in points over {@code atrPeriod} bars
 */
public record Quote(String symbol, double last, double bid, double ask, double tickSize,
                    double pointValueCurrency, String currency, double atrPoints, int atrPeriod, Instant timestamp) {

    public Quote {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(timestamp, "timestamp");
        if (!(pointValueCurrency > 0) || !Double.isFinite(pointValueCurrency)) {
            throw new IllegalArgumentException("point value must be positive, was " + pointValueCurrency);
        }
        if (!(atrPoints >= 0) || !Double.isFinite(atrPoints)) {
            throw new IllegalArgumentException("ATR must be a non-negative number, was " + atrPoints);
        }
    }
}
