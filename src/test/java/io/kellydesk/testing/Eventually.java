package io.kellydesk.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition instead of sleeping a fixed time; fails with a message when it never comes. */
public final class Eventually {

    private Eventually() {
    }

    public static void await(Duration limit, String what, BooleanSupplier condition) {
        await(limit, what, condition, () -> "");
    }

    /** As {@link #await(Duration, String, BooleanSupplier)}, naming {@code state} in the failure (what was seen last). */
    public static void await(Duration limit, String what, BooleanSupplier condition, java.util.function.Supplier<String> state) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                String seen = state.get();
                throw new AssertionError("not within " + limit.toMillis() + " ms: " + what + (seen.isEmpty() ? "" : "; last seen: " + seen));
            }
            LockSupport.parkNanos(5_000_000);
        }
    }
}
