package io.kellydesk.core;

import java.time.Instant;
import java.util.Optional;

/**
 * One handoff as the desk knows it.
 *
 * @param quantityContracts contracts sent
 * @param requestJson       the exact body sent (and resent) under this client order id
 * @param detail            the engine's reason, the last error, or what the trader must do, in words
 */
public record HandoffRecord(String clientOrderId, String symbol, OrderSide side, int quantityContracts, HandoffTarget target,
                            String requestJson, HandoffStatus status, Optional<String> engineOrderId, Optional<String> detail,
                            String userName, Instant createdAt, Instant updatedAt) {

    public HandoffRecord with(HandoffStatus newStatus, Optional<String> orderId, Optional<String> newDetail, Instant at) {
        return new HandoffRecord(clientOrderId, symbol, side, quantityContracts, target, requestJson, newStatus,
                orderId.or(() -> engineOrderId), newDetail, userName, createdAt, at);
    }

    /** Only a retry with this record's own id may follow (an engine handoff whose fate is unknown or never received). */
    public boolean awaitsRetryWithSameId() {
        return target() == HandoffTarget.ENGINE && status().mayRetryWithSameId();
    }
}
