package io.kellydesk.core;

import java.time.Instant;
import java.util.Objects;

/**
 * A closed trade from the trading engine.
 *
 * @param contracts      number of contracts traded (positive)
 * @param pnlCurrency    realised result for the whole trade, after costs, in the account currency
 */
public record ClosedTrade(String tradeId, String symbol, Direction side, int contracts,
                          Instant entryTime, Instant exitTime, double entryPrice, double exitPrice,
                          double pnlCurrency) {

    public ClosedTrade {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(entryTime, "entryTime");
        Objects.requireNonNull(exitTime, "exitTime");
        if (contracts <= 0) {
            throw new IllegalArgumentException("contracts must be positive, was " + contracts);
        }
        if (!Double.isFinite(pnlCurrency)) {
            throw new IllegalArgumentException("pnl must be a finite number, was " + pnlCurrency);
        }
    }

    /** Spec step 4: x = pnl / contracts, the result of one contract in currency. */
    public double pnlPerContractCurrency() {
        return pnlCurrency / contracts;
    }
}
