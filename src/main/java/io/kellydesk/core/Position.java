package io.kellydesk.core;

import java.util.Objects;

/** An open position at the trading engine; {@code contracts} is positive, the side says which way. */
public record Position(String symbol, int contracts, Direction side, double avgPrice) {

    public Position {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        if (contracts < 0) {
            throw new IllegalArgumentException("contracts must not be negative, was " + contracts);
        }
        if (side == Direction.NEUTRAL) {
            throw new IllegalArgumentException("a position is long or short");
        }
    }
}
