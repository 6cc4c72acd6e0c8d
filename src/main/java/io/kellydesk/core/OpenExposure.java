package io.kellydesk.core;

import java.util.Objects;

/**
 * An open position as the sizer needs it (spec steps 9 and 10).
 *
 * @param riskPerContractCurrency that symbol's own risk per contract (step 8 applied to it)
 * @param correlation             ρ between that symbol's returns and the symbol being sized (1 for itself)
 */
public record OpenExposure(String symbol, Direction side, int contracts, double riskPerContractCurrency, double correlation) {

    public OpenExposure {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        if (contracts < 0 || !(riskPerContractCurrency >= 0) || !Double.isFinite(riskPerContractCurrency)) {
            throw new IllegalArgumentException("contracts and risk per contract must not be negative");
        }
        if (!(correlation >= -1.0 && correlation <= 1.0)) {
            throw new IllegalArgumentException("correlation must be in [-1, 1], was " + correlation);
        }
    }

    /** Capital at risk in this position, in currency. */
    public double riskCurrency() {
        return contracts * riskPerContractCurrency;
    }

    /** Whether this position adds to a new bet in {@code newSide}: ρ > 0 and same side, or ρ < 0 and opposite. */
    public boolean addsToSameBet(Direction newSide) {
        return (correlation > 0 && side == newSide) || (correlation < 0 && side == newSide.opposite());
    }

    /** The record's own text, written out: it is hashed with every sizing input (see {@code SizingSettings#toString}). */
    @Override
    public String toString() {
        return new StringBuilder(128).append("OpenExposure[symbol=").append(symbol).append(", side=").append(side)
                .append(", contracts=").append(contracts).append(", riskPerContractCurrency=").append(riskPerContractCurrency)
                .append(", correlation=").append(correlation).append(']').toString();
    }
}
