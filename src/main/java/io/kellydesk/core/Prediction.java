package io.kellydesk.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One model's latest valid answer for a symbol (already checked against the contract by the feed).
 *
 * @param confidence       the model's probability that {@code direction} is right, in [0, 1]
 * @param memberConfidences the ensemble members' confidences in {@code direction}; empty for the LSTM
 * @param timestamp        when the model made the prediction (the service's own time)
 */
public record Prediction(ModelId model, String symbol, Direction direction, double confidence,
                         Map<String, Double> memberConfidences, String modelVersion, Instant timestamp) {

    public Prediction {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(timestamp, "timestamp");
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], was " + confidence);
        }
        // Sorted by member name: the mean then sums in one fixed order, so a replay gives the same bits.
        memberConfidences = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(memberConfidences == null ? Map.of() : memberConfidences));
        memberConfidences.forEach((member, c) -> {
            if (c == null || !(c >= 0.0 && c <= 1.0)) {
                throw new IllegalArgumentException("member " + member + " confidence must be in [0, 1], was " + c);
            }
        });
        modelVersion = modelVersion == null ? "" : modelVersion;
    }

    /** Spec step 1: the mean of the members when there are any, otherwise the model's own confidence. */
    public double effectiveConfidence() {
        if (memberConfidences.isEmpty()) {
            return confidence;
        }
        double sum = 0;
        for (double c : memberConfidences.values()) {
            sum += c;
        }
        return sum / memberConfidences.size();
    }

    /** Spec step 1: P(long) = c for long, 1 − c for short, 0.5 for neutral. */
    public double probabilityLong() {
        double c = effectiveConfidence();
        return switch (direction) {
            case LONG -> c;
            case SHORT -> 1.0 - c;
            case NEUTRAL -> 0.5;
        };
    }

    public Duration ageAt(Instant now) {
        return Duration.between(timestamp, now);
    }
}
