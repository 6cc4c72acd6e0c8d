package io.kellydesk.core;

/**
 * The Kelly criterion for a bet that wins b per unit staked with probability p and loses the stake
 * with probability q = 1 − p. Fractions are of the bankroll (equity).
 */
public final class KellyMath {

    private KellyMath() {
    }

    /** f* = (b·p − q) / b. Negative or zero means the bet has no edge. */
    public static double fullKellyFraction(double p, double b) {
        requireProbability(p);
        requirePayoff(b);
        return (b * p - (1.0 - p)) / b;
    }

    /** Expected edge per unit staked: b·p − q. */
    public static double expectedEdge(double p, double b) {
        return b * p - (1.0 - p);
    }

    /**
     * Expected log growth per bet when staking fraction f: g(f) = p·ln(1 + b·f) + q·ln(1 − f).
     * Defined for 0 ≤ f < 1 (f = 1 only when q = 0); it peaks at f* and turns negative near 2·f*.
     */
    public static double growthRate(double p, double b, double f) {
        requireProbability(p);
        requirePayoff(b);
        if (!(f >= 0.0 && f <= 1.0)) {
            throw new IllegalArgumentException("fraction must be in [0, 1], was " + f);
        }
        double q = 1.0 - p;
        double winTerm = p == 0.0 ? 0.0 : p * Math.log1p(b * f);
        if (q == 0.0) {
            return winTerm; // a sure win: no loss term, not 0·ln(0)
        }
        if (f == 1.0) {
            throw new IllegalArgumentException("staking everything with a chance to lose has growth −∞");
        }
        return winTerm + q * Math.log1p(-f);
    }

    /**
     * The fraction above f* where the growth rate crosses zero again (betting more than this loses money
     * in the long run). Found by bisection on (f*, 1): g is concave, so the root there is unique.
     * Returns NaN-free 1.0 when g stays positive up to 1 (only when q = 0).
     */
    public static double growthZeroCrossing(double p, double b) {
        double fStar = fullKellyFraction(p, b);
        if (fStar <= 0) {
            return 0.0;
        }
        if (p == 1.0) {
            return 1.0;
        }
        double low = fStar;
        double high = 1.0 - 1e-15;
        if (growthRate(p, b, high) > 0) {
            return high;
        }
        for (int i = 0; i < 200 && high - low > 1e-13; i++) {
            double mid = 0.5 * (low + high);
            if (growthRate(p, b, mid) > 0) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return 0.5 * (low + high);
    }

    /**
     * Chance of ever falling to a fraction x of the starting bankroll when always betting c × Kelly,
     * in the continuous (Brownian) approximation: x^(2/c − 1). For c ≥ 2 the bankroll is sure to get there.
     *
     * @param bankrollFraction x in (0, 1), e.g. 0.7 for "ever down 30%"
     * @param kellyMultiple    c > 0, the fraction of full Kelly bet
     */
    public static double probabilityOfEverFallingTo(double bankrollFraction, double kellyMultiple) {
        if (!(bankrollFraction > 0.0 && bankrollFraction < 1.0)) {
            throw new IllegalArgumentException("bankroll fraction must be in (0, 1), was " + bankrollFraction);
        }
        if (!(kellyMultiple > 0.0) || !Double.isFinite(kellyMultiple)) {
            throw new IllegalArgumentException("Kelly multiple must be above 0, was " + kellyMultiple);
        }
        double exponent = 2.0 / kellyMultiple - 1.0;
        return exponent <= 0 ? 1.0 : Math.pow(bankrollFraction, exponent);
    }

    private static void requireProbability(double p) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("probability must be in [0, 1], was " + p);
        }
    }

    private static void requirePayoff(double b) {
        if (!(b > 0.0) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("payoff ratio b must be a positive number, was " + b);
        }
    }
}
