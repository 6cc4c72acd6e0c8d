package io.kellydesk.tasks;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to ask again after failures: the base interval doubled per consecutive failure, capped, with ±50 %
 * jitter so many symbols do not retry in step; a service's {@code Retry-After} is honoured when longer.
 */
public final class Backoff {

    private final Duration cap;
    private final DoubleSupplier random;

    /** @param random uniform in [0, 1); injected so tests are deterministic */
    public Backoff(Duration cap, DoubleSupplier random) {
        this.cap = cap;
        this.random = random;
    }

    public Duration delay(Duration base, int consecutiveFailures, Optional<Duration> retryAfter) {
        if (consecutiveFailures <= 0) {
            return base;
        }
        double factor = Math.pow(2, Math.min(consecutiveFailures, 20));
        double millis = Math.min(cap.toMillis(), base.toMillis() * factor);
        double jittered = millis * (0.5 + random.getAsDouble());
        Duration delay = Duration.ofMillis(Math.round(Math.min(jittered, cap.toMillis())));
        if (retryAfter.isPresent() && retryAfter.get().compareTo(delay) > 0) {
            return retryAfter.get().compareTo(cap.multipliedBy(10)) > 0 ? cap.multipliedBy(10) : retryAfter.get();
        }
        return delay;
    }
}
