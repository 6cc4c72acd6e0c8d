package io.kellydesk.settings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which named risk officer has unlocked the limits, and for how long: the lock re-engages after idle time. Knows
 * whether a session ran out (for the refusal's words).
 */
public final class OfficerSession {

    private final Clock clock;
    private Duration idleRelock;
    private Instant lastActivity;
    private String officer;
    private boolean expired;

    public OfficerSession(Clock clock, Duration idleRelock) {
        this.clock = Objects.requireNonNull(clock);
        this.idleRelock = Objects.requireNonNull(idleRelock);
    }

    public synchronized void unlock(String name) {
        officer = Objects.requireNonNull(name);
        lastActivity = clock.instant();
        expired = false;
    }

    public synchronized void lock() {
        lastActivity = null;
        officer = null;
        expired = false;
    }

    /** Input by the officer: the idle countdown starts again. */
    public synchronized void touch() {
        if (isUnlocked()) {
            lastActivity = clock.instant();
        }
    }

    public synchronized boolean isUnlocked() {
        return officer().isPresent();
    }

    /** The officer whose session is open now; empty when locked or run out. */
    public synchronized Optional<String> officer() {
        if (lastActivity == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(lastActivity.plus(idleRelock))) {
            lastActivity = null;
            officer = null;
            expired = true;
            return Optional.empty();
        }
        return Optional.of(officer);
    }

    /** Whether the last session ended by running out (not by a lock). */
    public synchronized boolean expired() {
        officer();
        return expired;
    }

    /** Time left before the lock re-engages; zero when locked. */
    public synchronized Duration remaining() {
        if (!isUnlocked()) {
            return Duration.ZERO;
        }
        return Duration.between(clock.instant(), lastActivity.plus(idleRelock));
    }

    public synchronized Duration idleRelock() {
        return idleRelock;
    }

    public synchronized void idleRelock(Duration newIdleRelock) {
        this.idleRelock = Objects.requireNonNull(newIdleRelock);
    }
}
