package io.kellydesk.core;

import java.time.Duration;
import java.util.Optional;

/** The trading engine's order intake ({@code POST /orders}); implemented over HTTP in {@code feeds}. */
public interface OrderGateway {

    /** Sends {@code requestJson} once; never retries by itself. */
    Answer send(String requestJson);

    /** Asks the engine for the true state of an order ({@code GET /orders/{client_order_id}}); never retries. */
    Lookup lookup(String clientOrderId);

    /** What a look-up gave. */
    sealed interface Lookup {
        /** The engine holds the order, in this state. */
        record Found(io.kellydesk.core.EngineOrder order) implements Lookup { }
        /** 404: the engine never received that client order id; the same id may be sent again. */
        record NotFound() implements Lookup { }
        /** No usable answer (timeout, connection, 5xx, garbage): nothing is known. */
        record Unknown(String reason) implements Lookup { }
    }

    /** What one request gave. */
    sealed interface Answer {
        /** 201 (new) or 200 (the same id seen before: the first answer again, so the same order id). */
        record Accepted(String engineOrderId, String responseJson) implements Answer { }
        /** 409 or 422, or another 4xx: the engine's reason. Not retried. */
        record Rejected(int httpStatus, String reason, String responseJson) implements Answer { }
        /** 401/403. Not retried. */
        record AuthenticationFailed(int httpStatus, String reason) implements Answer { }
        /** Timeout, refused or reset connection, 5xx, 429: safe to resend with the same id. */
        record Retryable(String reason, Optional<Duration> retryAfter) implements Answer { }
    }
}
