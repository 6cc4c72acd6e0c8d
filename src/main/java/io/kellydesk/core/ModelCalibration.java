package io.kellydesk.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * How well calibrated each model is, and the blend: for every resolved trade, the probability each source gave to the
 * side that was taken winning, against whether it won. A model's P(long) becomes the side's probability as in spec
 * step 1 (P for a long, 1 − P for a short). A source without a probability for an outcome leaves that outcome out of
 * its report, never counts it at 0.5.
 */
public final class ModelCalibration {

    /** The sources shown, in order. */
    public enum Source {
        LSTM("LSTM"), ENSEMBLE("Ensemble"), BLENDED_RAW("Blended p_raw"), USED("p used (calibrated when fitted)");

        private final String words;

        Source(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    public static final int BINS = 10;

    private ModelCalibration() {
    }

    /** A report per source, with {@value #BINS} bins of 0.1. */
    public static Map<Source, CalibrationReport> of(List<CalibrationOutcome> outcomes) {
        Map<Source, CalibrationReport> reports = new LinkedHashMap<>();
        reports.put(Source.LSTM, report(outcomes, o -> sideProbability(o.side(), o.lstmProbabilityLong())));
        reports.put(Source.ENSEMBLE, report(outcomes, o -> sideProbability(o.side(), o.ensembleProbabilityLong())));
        reports.put(Source.BLENDED_RAW, report(outcomes, o -> OptionalDouble.of(o.rawWinProbability())));
        reports.put(Source.USED, report(outcomes, CalibrationOutcome::usedWinProbability));
        return reports;
    }

    /** The model's probability that {@code side} wins: P(long) for a long, 1 − P(long) for a short. */
    static OptionalDouble sideProbability(Direction side, OptionalDouble probabilityLong) {
        if (probabilityLong.isEmpty() || side == Direction.NEUTRAL) {
            return OptionalDouble.empty();
        }
        double p = probabilityLong.getAsDouble();
        return OptionalDouble.of(side == Direction.LONG ? p : 1 - p);
    }

    private static CalibrationReport report(List<CalibrationOutcome> outcomes, Function<CalibrationOutcome, OptionalDouble> probability) {
        List<Double> predicted = new ArrayList<>();
        List<Boolean> won = new ArrayList<>();
        for (CalibrationOutcome o : outcomes) {
            OptionalDouble p = probability.apply(o);
            if (p.isPresent()) {
                predicted.add(p.getAsDouble());
                won.add(o.won());
            }
        }
        double[] p = predicted.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] w = new boolean[won.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = won.get(i);
        }
        return CalibrationReport.of(p, w, BINS);
    }
}
