package io.kellydesk.feeds;

import io.kellydesk.core.ServiceHealth.CircuitState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One per service. Opens after {@code failuresToOpen} consecutive failures so a dead service costs no more
 * requests; after {@code cooldown} lets exactly one probe through (half-open); the probe's outcome closes or
 * re-opens it.
 */
public final class CircuitBreaker {

    private final int failuresToOpen;
    private final Duration cooldown;
    private final Clock clock;
    private CircuitState state = CircuitState.CLOSED;
    private int consecutiveFailures;
    private Instant openedAt = Instant.MIN;
    private boolean probeInFlight;

    public CircuitBreaker(int failuresToOpen, Duration cooldown, Clock clock) {
        this.failuresToOpen = Math.max(1, failuresToOpen);
        this.cooldown = cooldown;
        this.clock = clock;
    }

    /** Whether a request may go out now; in half-open state only the first caller gets to probe. */
    public synchronized boolean tryAcquire() {
        switch (state) {
            case CLOSED -> {
                return true;
            }
            case OPEN -> {
                if (clock.instant().isBefore(openedAt.plus(cooldown))) {
                    return false;
                }
                state = CircuitState.HALF_OPEN;
                probeInFlight = true;
                return true;
            }
            default -> {
                if (probeInFlight) {
                    return false;
                }
                probeInFlight = true;
                return true;
            }
        }
    }

    public synchronized void onSuccess() {
        consecutiveFailures = 0;
        probeInFlight = false;
        state = CircuitState.CLOSED;
    }

    public synchronized void onFailure() {
        consecutiveFailures++;
        probeInFlight = false;
        if (state == CircuitState.HALF_OPEN || consecutiveFailures >= failuresToOpen) {
            state = CircuitState.OPEN;
            openedAt = clock.instant();
        }
    }

    public synchronized CircuitState state() {
        return state;
    }

    public synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** How long until an open circuit lets a probe through (zero when it would now). */
    public synchronized Duration untilProbe() {
        if (state != CircuitState.OPEN) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), openedAt.plus(cooldown));
        return left.isNegative() ? Duration.ZERO : left;
    }
}
