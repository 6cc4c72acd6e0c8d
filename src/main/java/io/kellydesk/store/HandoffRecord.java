package io.kellydesk.store;

import java.time.Instant;

/**
 * One order handoff as logged: written before the request goes out, updated on every state change.
 *
 * @param quantity   contracts
 * @param limitPrice null for a market order
 */
public record HandoffRecord(String clientOrderId, Long recommendationId, String symbol, String side, int quantity,
                            String orderType, Double limitPrice, String timeInForce, String target, String requestJson,
                            String status, String userName, Instant createdAt) {
}
