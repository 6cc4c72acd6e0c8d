package io.kellydesk.core;

import java.time.Duration;
import java.time.Instant;

/** What one try to unlock the limits with the officer PIN gave. */
public sealed interface PinAttempt {

    /** Wrong tries before the PIN locks. */
    int MAX_WRONG_TRIES = 5;
    /** How long a PIN stays locked after the last wrong try. */
    Duration LOCK_OUT = Duration.ofMinutes(5);
    /** The shortest PIN accepted. */
    int MIN_LENGTH = 4;

    record Accepted() implements PinAttempt { }

    record Wrong(int triesLeft) implements PinAttempt { }

    record LockedOut(Instant until) implements PinAttempt { }
}
