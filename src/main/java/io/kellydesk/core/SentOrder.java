package io.kellydesk.core;

import java.util.Objects;

/**
 * An order the desk handed to the trading engine, as far as the desk itself knows it.
 *
 * @param mayBeWorking false only when its end is known (the engine refused it, or it never reached the engine);
 *                     true while it is sending, accepted, or its outcome is unknown
 */
public record SentOrder(String clientOrderId, String symbol, Direction side, int quantityContracts, boolean mayBeWorking) {

    public SentOrder {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
    }

    public int signedContracts() {
        return side == Direction.LONG ? quantityContracts : -quantityContracts;
    }
}
