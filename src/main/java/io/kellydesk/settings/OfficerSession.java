package io.kellydesk.settings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Whether the risk officer has unlocked the limits, and for how long: the lock re-engages after idle time. */
public final class OfficerSession {

    private final Clock clock;
    private Duration idleRelock;
    private Instant lastActivity;

    public OfficerSession(Clock clock, Duration idleRelock) {
        this.clock = Objects.requireNonNull(clock);
        this.idleRelock = Objects.requireNonNull(idleRelock);
    }

    public synchronized void unlock() {
        lastActivity = clock.instant();
    }

    public synchronized void lock() {
        lastActivity = null;
    }

    /** Input by the officer: the idle countdown starts again. */
    public synchronized void touch() {
        if (isUnlocked()) {
            lastActivity = clock.instant();
        }
    }

    public synchronized boolean isUnlocked() {
        if (lastActivity == null) {
            return false;
        }
        if (!clock.instant().isBefore(lastActivity.plus(idleRelock))) {
            lastActivity = null;
            return false;
        }
        return true;
    }

    /** Time left before the lock re-engages; zero when locked. */
    public synchronized Duration remaining() {
        if (!isUnlocked()) {
            return Duration.ZERO;
        }
        return Duration.between(clock.instant(), lastActivity.plus(idleRelock));
    }

    public synchronized void idleRelock(Duration newIdleRelock) {
        this.idleRelock = Objects.requireNonNull(newIdleRelock);
    }
}
