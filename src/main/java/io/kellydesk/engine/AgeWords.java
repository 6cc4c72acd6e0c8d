package io.kellydesk.engine;

import java.time.Duration;

/**
 * An input's age in words. A timestamp slightly ahead of this PC's clock (a service whose clock runs a little fast,
 * or a reading taken between two clock ticks) is "under 1 s", not "−1 s"; one clearly ahead says so, since the
 * age limits cannot hold for it. Pure.
 */
public final class AgeWords {

    /** Ahead by up to this much counts as now: clocks on a desk LAN agree to about this. */
    static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(2);

    private AgeWords() {
    }

    /** "under 1 s", "42 s", "3 min", "5 s ahead of this PC's clock". */
    public static String of(Duration age) {
        if (age.isNegative()) {
            return age.negated().compareTo(CLOCK_TOLERANCE) <= 0 ? "under 1 s"
                    : age.negated().toSeconds() + " s ahead of this PC's clock";
        }
        if (age.toMillis() < 1000) {
            return "under 1 s";
        }
        return age.toSeconds() < 120 ? age.toSeconds() + " s" : age.toMinutes() + " min";
    }
}
