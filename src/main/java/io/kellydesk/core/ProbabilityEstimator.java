package io.kellydesk.core;

import java.util.Optional;
import java.util.OptionalDouble;

/** Spec steps 1 and 2: from the two models' predictions to a direction and a win probability. */
public final class ProbabilityEstimator {

    /** Either an estimate, or the reason there is none (NO_PREDICTION or STALE_INPUT). */
    public record Result(Optional<ProbabilityEstimate> estimate, ReasonCode reason, String detail) {
    }

    private ProbabilityEstimator() {
    }

    /**
     * @param calibrator the pooled fit; used only when it saw at least {@code calibration_min_outcomes}
     */
    public static Result estimate(SizingInputs inputs, SizingSettings settings, IsotonicCalibrator calibrator) {
        double weightedSum = 0;
        double weightTotal = 0;
        int used = 0;
        StringBuilder stale = new StringBuilder();
        // agreement and spread over the models in the estimate (|c_lstm − c_ensemble| for two), without allocating
        Direction firstDirection = null;
        boolean agree = true;
        double minConfidence = Double.POSITIVE_INFINITY;
        double maxConfidence = Double.NEGATIVE_INFINITY;
        for (ModelId model : ModelId.values()) {
            Optional<Prediction> maybe = inputs.prediction(model);
            if (maybe.isEmpty()) {
                continue;
            }
            Prediction prediction = maybe.get();
            InputKind kind = InputKind.prediction(model);
            if (!inputs.isFresh(kind, settings)) {
                if (inputs.state(kind, settings) == InputKind.State.STALE) {
                    stale.append(stale.isEmpty() ? "" : ", ").append(ageWords(inputs, kind));
                }
                continue;
            }
            double weight = settings.weightOf(model);
            if (weight <= 0) {
                continue; // a zero weight takes the model out of the estimate
            }
            weightedSum += weight * prediction.probabilityLong();
            weightTotal += weight;
            used++;
            if (firstDirection == null) {
                firstDirection = prediction.direction();
            } else if (prediction.direction() != firstDirection) {
                agree = false;
            }
            minConfidence = Math.min(minConfidence, prediction.effectiveConfidence());
            maxConfidence = Math.max(maxConfidence, prediction.effectiveConfidence());
        }
        if (used == 0) {
            return !stale.isEmpty()
                    ? new Result(Optional.empty(), ReasonCode.STALE_INPUT,
                            stale + " (limit " + fmt(settings.maxPredictionAgeSeconds()) + " s)")
                    : new Result(Optional.empty(), ReasonCode.NO_PREDICTION, "no valid prediction from either model");
        }
        double pLong = weightedSum / weightTotal;
        Direction direction = pLong > 0.5 ? Direction.LONG : pLong < 0.5 ? Direction.SHORT : Direction.NEUTRAL;
        double pRaw = Math.max(pLong, 1.0 - pLong);
        boolean calibrate = calibrator != null && calibrator.outcomeCount() >= settings.calibrationMinOutcomes()
                && calibrator.outcomeCount() > 0;
        double p = calibrate ? calibrator.calibrate(pRaw) : pRaw;
        ProbabilityEstimate.ModelAgreement agreement;
        OptionalDouble spread;
        if (used >= 2) {
            agreement = agree ? ProbabilityEstimate.ModelAgreement.BOTH_AGREE : ProbabilityEstimate.ModelAgreement.DISAGREE;
            spread = OptionalDouble.of(maxConfidence - minConfidence);
        } else {
            agreement = ProbabilityEstimate.ModelAgreement.SINGLE_MODEL;
            spread = OptionalDouble.empty();
        }
        return new Result(Optional.of(new ProbabilityEstimate(pLong, pRaw, p, calibrate, direction, agreement, spread, used)),
                ReasonCode.NONE, "");
    }

    /** "LSTM prediction 75 s old": the input and its age, for a STALE_INPUT reason. */
    static String ageWords(SizingInputs inputs, InputKind kind) {
        return kind.words() + inputs.age(kind).map(a -> " " + a.toSeconds() + " s old").orElse(" never received");
    }

    static String fmt(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
