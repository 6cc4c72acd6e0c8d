package io.kellydesk.core;

import java.util.ArrayList;
import java.util.List;

/**
 * How well probabilities matched outcomes: Brier score, log loss and reliability bins, for the desk's
 * "how calibrated are the models" view.
 */
public record CalibrationReport(int outcomes, double brierScore, double logLoss, List<ReliabilityBin> bins) {

    /** Probabilities are clipped this far from 0 and 1 so one confident miss gives a large, finite log loss. */
    static final double LOG_LOSS_CLIP = 1e-15;

    /**
     * @param meanPredicted  mean predicted probability of the outcomes in the bin
     * @param observedRate   fraction of those outcomes that won
     */
    public record ReliabilityBin(double lowerBound, double upperBound, int count, double meanPredicted, double observedRate) {
    }

    /**
     * Expected calibration error: the bins' gaps between observed win rate and mean predicted probability, weighted by
     * their share of the outcomes (Σ n_b/N · |observed_b − predicted_b|); 0 for no outcomes.
     */
    public double expectedCalibrationError() {
        if (outcomes == 0) {
            return 0;
        }
        double ece = 0;
        for (ReliabilityBin bin : bins) {
            ece += (double) bin.count() / outcomes * Math.abs(bin.observedRate() - bin.meanPredicted());
        }
        return ece;
    }

    /** {@code predicted[i]} is the probability given to outcome {@code won[i]}. */
    public static CalibrationReport of(double[] predicted, boolean[] won, int binCount) {
        if (predicted.length != won.length) {
            throw new IllegalArgumentException("one outcome per prediction: " + predicted.length + " vs " + won.length);
        }
        if (binCount < 1) {
            throw new IllegalArgumentException("need at least one bin");
        }
        int n = predicted.length;
        double brier = 0;
        double logLoss = 0;
        int[] counts = new int[binCount];
        double[] predictedSum = new double[binCount];
        int[] wins = new int[binCount];
        for (int i = 0; i < n; i++) {
            double p = predicted[i];
            double o = won[i] ? 1.0 : 0.0;
            brier += (p - o) * (p - o);
            double clipped = Math.min(1 - LOG_LOSS_CLIP, Math.max(LOG_LOSS_CLIP, p));
            logLoss -= won[i] ? Math.log(clipped) : Math.log(1 - clipped);
            int bin = Math.min(binCount - 1, (int) Math.floor(p * binCount));
            counts[bin]++;
            predictedSum[bin] += p;
            wins[bin] += won[i] ? 1 : 0;
        }
        List<ReliabilityBin> bins = new ArrayList<>(binCount);
        for (int b = 0; b < binCount; b++) {
            bins.add(new ReliabilityBin((double) b / binCount, (double) (b + 1) / binCount, counts[b],
                    counts[b] == 0 ? 0 : predictedSum[b] / counts[b], counts[b] == 0 ? 0 : (double) wins[b] / counts[b]));
        }
        return new CalibrationReport(n, n == 0 ? 0 : brier / n, n == 0 ? 0 : logLoss / n, List.copyOf(bins));
    }
}
