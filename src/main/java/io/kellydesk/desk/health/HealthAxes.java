package io.kellydesk.desk.health;

/**
 * Axis ranges of the drawdown chart in whole, readable steps: minutes back in 1, 5, 10, 15 or 30 minute ticks
 * (never "−1.25"), drawdown up to just above the larger of the worst point and the trigger (never 0–125 % for a
 * 30 % trigger). No JavaFX.
 */
final class HealthAxes {

    /** An axis from 0 to {@code upper} in ticks of {@code tick}. */
    record Range(double upper, double tick) {
    }

    private HealthAxes() {
    }

    /** At least 5 minutes; whole ticks, 5 to 12 of them. */
    static Range minutesBack(double span) {
        double minutes = Math.max(5, Math.ceil(span));
        for (double tick : new double[] {1, 5, 10, 15, 30}) {
            if (minutes / tick <= 12) {
                return new Range(Math.ceil(minutes / tick) * tick, tick);
            }
        }
        return new Range(Math.ceil(minutes / 60) * 60, 60);
    }

    /** The next step of 5 (or 10 past 50) above {@code percent} plus a margin, so the line never sits on the frame. */
    static Range percentUpTo(double percent) {
        double tick = percent + 2 > 50 ? 10 : 5;
        double upper = Math.max(tick * 2, Math.ceil((percent + 2) / tick) * tick);
        return new Range(Math.min(100, upper), tick);
    }
}
