package io.kellydesk.feeds;

import java.time.Duration;
import java.util.Optional;

/**
 * Why a request gave no usable data, in words for the Health view.
 *
 * @param httpStatus the status code when the service answered, else 0
 * @param retryAfter the service's own {@code Retry-After}, when it sent one
 */
public record FeedFailure(Kind kind, String message, int httpStatus, Optional<Duration> retryAfter) {

    public enum Kind {
        TIMEOUT, CONNECTION, NOT_FOUND, UNAVAILABLE, SERVER_ERROR, CLIENT_ERROR, AUTHENTICATION,
        MALFORMED, TOO_LARGE, SYMBOL_MISMATCH, CIRCUIT_OPEN, NOT_CONFIGURED;

        /** Authentication problems wait for new settings; they are not retried quickly. */
        public boolean isAuthentication() {
            return this == AUTHENTICATION;
        }
    }

    public static FeedFailure of(Kind kind, String message) {
        return new FeedFailure(kind, message, 0, Optional.empty());
    }

    @Override
    public String toString() {
        return kind + (httpStatus > 0 ? " " + httpStatus : "") + ": " + message;
    }
}
