package io.kellydesk.core;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One other symbol's exposure as the portfolio and correlation checks see it (spec steps 9 and 10).
 *
 * @param heldContracts           signed contracts held (+ long, − short), from the positions
 * @param workingContracts        signed unfilled contracts of working orders (+ buy, − sell)
 * @param riskPerContractCurrency that symbol's own risk per contract (step 8 applied to it); empty when unknown
 *                                (no fresh quote and too few losses)
 * @param correlation             ρ between its returns and the symbol being sized; empty when either's bars are
 *                                missing or too old
 */
public record Exposure(String symbol, int heldContracts, int workingContracts, OptionalDouble riskPerContractCurrency,
                       OptionalDouble correlation) {

    public Exposure {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(riskPerContractCurrency, "riskPerContractCurrency");
        Objects.requireNonNull(correlation, "correlation");
        riskPerContractCurrency.ifPresent(r -> {
            if (!(r >= 0) || !Double.isFinite(r)) {
                throw new IllegalArgumentException("risk per contract must be a non-negative number, was " + r);
            }
        });
        correlation.ifPresent(rho -> {
            if (!(rho >= -1.0 && rho <= 1.0)) {
                throw new IllegalArgumentException("correlation must be in [-1, 1], was " + rho);
            }
        });
    }

    public static Exposure priced(String symbol, int held, int working, double riskPerContract, double correlation) {
        return new Exposure(symbol, held, working, OptionalDouble.of(riskPerContract), OptionalDouble.of(correlation));
    }

    /** x = held + working, signed contracts. */
    public int contracts() {
        return heldContracts + workingContracts;
    }

    /** The side of x: LONG above zero, SHORT below, NEUTRAL when flat. */
    public Direction side() {
        int x = contracts();
        return x > 0 ? Direction.LONG : x < 0 ? Direction.SHORT : Direction.NEUTRAL;
    }

    /** Capital at risk in |x|, in currency; empty when its risk per contract is unknown. */
    public OptionalDouble riskCurrency() {
        return riskPerContractCurrency.isPresent()
                ? OptionalDouble.of(Math.abs(contracts()) * riskPerContractCurrency.getAsDouble()) : OptionalDouble.empty();
    }

    /** The record's own text, written out: it is hashed with every sizing input (see {@code SizingSettings#toString}). */
    @Override
    public String toString() {
        return new StringBuilder(128).append("Exposure[symbol=").append(symbol).append(", heldContracts=").append(heldContracts)
                .append(", workingContracts=").append(workingContracts)
                .append(", riskPerContractCurrency=").append(riskPerContractCurrency)
                .append(", correlation=").append(correlation).append(']').toString();
    }
}
