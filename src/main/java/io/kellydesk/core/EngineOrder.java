package io.kellydesk.core;

import java.time.Instant;
import java.util.Objects;

/**
 * One order as the trading engine reports it ({@code GET /orders}, {@code GET /orders/{client_order_id}}).
 *
 * @param quantityContracts the order's size, positive
 * @param filledContracts   how much of it filled (the filled part shows in the positions)
 */
public record EngineOrder(String orderId, String clientOrderId, String symbol, Direction side, int quantityContracts,
                          int filledContracts, Status status, Instant updated) {

    /** The contract's order states; the first three are working, the others final. */
    public enum Status {
        ACCEPTED(false), WORKING(false), PARTIALLY_FILLED(false), FILLED(true), CANCELLED(true), REJECTED(true);

        private final boolean last;

        Status(boolean last) {
            this.last = last;
        }

        public boolean isFinal() {
            return last;
        }

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public EngineOrder {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(status, "status");
        if (side == Direction.NEUTRAL) {
            throw new IllegalArgumentException("an order buys or sells");
        }
        if (quantityContracts <= 0 || filledContracts < 0 || filledContracts > quantityContracts) {
            throw new IllegalArgumentException("quantity " + quantityContracts + " with " + filledContracts + " filled");
        }
    }

    /** The unfilled part of a working order, signed (+ buy, − sell); 0 once final. */
    public int workingContracts() {
        if (status.isFinal()) {
            return 0;
        }
        int open = quantityContracts - filledContracts;
        return side == Direction.LONG ? open : -open;
    }
}
