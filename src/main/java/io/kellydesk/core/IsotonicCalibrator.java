package io.kellydesk.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Spec step 2: an isotonic (monotone non-decreasing) fit of outcome frequency on the raw win probability,
 * by pool-adjacent-violators. Between fitted points the map is linear; outside them it is clamped.
 */
public final class IsotonicCalibrator {

    /** One resolved recommendation: its raw probability and whether the trade won (pnl > 0). */
    public record Outcome(double rawProbability, boolean won) {
        public Outcome {
            if (!(rawProbability >= 0 && rawProbability <= 1)) {
                throw new IllegalArgumentException("raw probability must be in [0, 1], was " + rawProbability);
            }
        }
    }

    private final double[] knotX;
    private final double[] knotY;
    private final int outcomeCount;

    private final String fingerprint;

    private IsotonicCalibrator(double[] knotX, double[] knotY, int outcomeCount) {
        this.knotX = knotX;
        this.knotY = knotY;
        this.outcomeCount = outcomeCount;
        this.fingerprint = SizingInputs.digest(Arrays.toString(knotX) + '|' + Arrays.toString(knotY));
    }

    /**
     * A short hash of the fitted map: two fits with equal knots calibrate every p alike, so a refit that found the
     * same map changes no size (and re-logs nothing).
     */
    public String fingerprint() {
        return fingerprint;
    }

    /** Fits the outcomes (any order). With no outcomes the map is the identity. */
    public static IsotonicCalibrator fit(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return new IsotonicCalibrator(new double[] {0, 1}, new double[] {0, 1}, 0);
        }
        List<Outcome> sorted = new ArrayList<>(outcomes);
        sorted.sort(Comparator.comparingDouble(Outcome::rawProbability));
        double[] y = new double[sorted.size()];
        double[] x = new double[sorted.size()];
        for (int i = 0; i < y.length; i++) {
            x[i] = sorted.get(i).rawProbability();
            y[i] = sorted.get(i).won() ? 1.0 : 0.0;
        }
        double[] fitted = poolAdjacentViolators(y);
        // One knot per distinct x: equal scores must map to one value (PAV on ties may leave them unequal).
        List<double[]> knots = new ArrayList<>();
        int i = 0;
        while (i < x.length) {
            int j = i;
            double sum = 0;
            while (j < x.length && x[j] == x[i]) {
                sum += fitted[j];
                j++;
            }
            knots.add(new double[] {x[i], sum / (j - i)});
            i = j;
        }
        double[] kx = new double[knots.size()];
        double[] ky = new double[knots.size()];
        for (int k = 0; k < kx.length; k++) {
            kx[k] = knots.get(k)[0];
            ky[k] = knots.get(k)[1];
        }
        return new IsotonicCalibrator(kx, ky, outcomes.size());
    }

    /**
     * Pool-adjacent-violators on values already ordered by score: the least-squares non-decreasing fit.
     * Public so a test can check it against a hand-worked example.
     */
    public static double[] poolAdjacentViolators(double[] values) {
        int n = values.length;
        double[] blockMean = new double[n];
        int[] blockSize = new int[n];
        int blocks = 0;
        for (double value : values) {
            blockMean[blocks] = value;
            blockSize[blocks] = 1;
            blocks++;
            while (blocks > 1 && blockMean[blocks - 2] > blockMean[blocks - 1]) {
                int merged = blockSize[blocks - 2] + blockSize[blocks - 1];
                blockMean[blocks - 2] = (blockMean[blocks - 2] * blockSize[blocks - 2]
                        + blockMean[blocks - 1] * blockSize[blocks - 1]) / merged;
                blockSize[blocks - 2] = merged;
                blocks--;
            }
        }
        double[] result = new double[n];
        int at = 0;
        for (int b = 0; b < blocks; b++) {
            Arrays.fill(result, at, at + blockSize[b], blockMean[b]);
            at += blockSize[b];
        }
        return result;
    }

    /** The calibrated probability for a raw one. */
    public double calibrate(double rawProbability) {
        if (rawProbability <= knotX[0]) {
            return knotY[0];
        }
        int last = knotX.length - 1;
        if (rawProbability >= knotX[last]) {
            return knotY[last];
        }
        int idx = Arrays.binarySearch(knotX, rawProbability);
        if (idx >= 0) {
            return knotY[idx];
        }
        int upper = -idx - 1;
        int lower = upper - 1;
        double t = (rawProbability - knotX[lower]) / (knotX[upper] - knotX[lower]);
        return knotY[lower] + t * (knotY[upper] - knotY[lower]);
    }

    /** How many resolved outcomes the fit saw. */
    public int outcomeCount() {
        return outcomeCount;
    }
}
