package io.kellydesk.handoff;

import java.time.Duration;
import java.util.Optional;

/** The trading engine's order intake ({@code POST /orders}); implemented over HTTP in {@code feeds}. */
public interface OrderGateway {

    /** Sends {@code requestJson} once; never retries by itself. */
    Answer send(String requestJson);

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
