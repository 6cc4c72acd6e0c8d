package io.kellydesk.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Every setting the sizing method reads (spec keys in brackets). Fractions are of account equity.
 * Immutable: a change makes a new value, and {@link #version()} names it in the decision log.
 */
public record SizingSettings(
        double maxKellyFraction,          // max_kelly_fraction
        double minKellyFraction,          // min_kelly_fraction
        double kellyMultiplier,           // kelly_multiplier
        double confidenceThreshold,       // confidence_threshold
        double maxPortfolioRisk,          // max_portfolio_risk
        int winLossLookbackDays,          // win_loss_lookback_days
        double payoffPrior,               // payoff_prior
        double payoffPriorStrength,       // payoff_prior_strength (trades the prior counts as)
        int calibrationMinOutcomes,       // calibration_min_outcomes
        double maxPredictionAgeSeconds,   // max_prediction_age_s
        double lstmWeight,                // model_weights.lstm
        double ensembleWeight,            // model_weights.ensemble
        int maxPositionSizeContracts,     // risk_constraints.max_position_size
        double maxCorrelationExposure,    // risk_constraints.max_correlation_exposure
        double emergencyReductionTrigger, // risk_constraints.emergency_reduction_trigger
        double emergencyReductionFactor,  // risk_constraints.emergency_reduction_factor
        int minLossesForRisk,             // risk_constraints.min_losses_for_risk
        double stopAtrMultiple,           // risk_constraints.stop_atr_multiple
        int correlationLookbackBars,      // risk_constraints.correlation_lookback_bars
        double correlationThreshold,      // risk_constraints.correlation_threshold
        double maxHistoryAgeSeconds,      // max_history_age_s: trade history and daily bars
        double maxAccountAgeSeconds) {    // max_account_age_s: account, positions and working orders

    /** The spec's defaults for the two input age limits, for settings written before they existed. */
    public static final double DEFAULT_MAX_HISTORY_AGE_S = 600;
    public static final double DEFAULT_MAX_ACCOUNT_AGE_S = 60;

    /** Settings without the step-0 age limits of history and account: the spec's defaults stand in for them. */
    public SizingSettings(double maxKellyFraction, double minKellyFraction, double kellyMultiplier, double confidenceThreshold,
                          double maxPortfolioRisk, int winLossLookbackDays, double payoffPrior, double payoffPriorStrength,
                          int calibrationMinOutcomes, double maxPredictionAgeSeconds, double lstmWeight, double ensembleWeight,
                          int maxPositionSizeContracts, double maxCorrelationExposure, double emergencyReductionTrigger,
                          double emergencyReductionFactor, int minLossesForRisk, double stopAtrMultiple,
                          int correlationLookbackBars, double correlationThreshold) {
        this(maxKellyFraction, minKellyFraction, kellyMultiplier, confidenceThreshold, maxPortfolioRisk, winLossLookbackDays,
                payoffPrior, payoffPriorStrength, calibrationMinOutcomes, maxPredictionAgeSeconds, lstmWeight, ensembleWeight,
                maxPositionSizeContracts, maxCorrelationExposure, emergencyReductionTrigger, emergencyReductionFactor,
                minLossesForRisk, stopAtrMultiple, correlationLookbackBars, correlationThreshold, DEFAULT_MAX_HISTORY_AGE_S,
                DEFAULT_MAX_ACCOUNT_AGE_S);
    }

    /** The desk's defaults: the firm's seed values, and the spec's bracketed defaults for the rest. */
    public static SizingSettings defaults() {
        return new SizingSettings(0.25, 0.01, 0.5, 0.6, 0.20, 30, 1.0, 20, 200, 60,
                0.4, 0.6, 5, 0.15, 0.3, 0.5, 5, 1.5, 60, 0.7, DEFAULT_MAX_HISTORY_AGE_S, DEFAULT_MAX_ACCOUNT_AGE_S);
    }

    public double weightOf(ModelId model) {
        return switch (model) {
            case LSTM -> lstmWeight;
            case ENSEMBLE -> ensembleWeight;
        };
    }

    /** A short content hash: equal settings share a version, any change makes a new one. */
    public String version() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * The record's own text, written out. The generated {@code toString} builds ~27 method-handle classes on
     * first use (about 0.15 s on a cold JVM, even from the AOT cache), and this text is on the start path: it
     * names the settings {@link #version()}. {@code RecordTextTest} keeps it equal to the generated form.
     */
    @Override
    public String toString() {
        return new StringBuilder(640).append("SizingSettings[")
                .append("maxKellyFraction=").append(maxKellyFraction)
                .append(", minKellyFraction=").append(minKellyFraction)
                .append(", kellyMultiplier=").append(kellyMultiplier)
                .append(", confidenceThreshold=").append(confidenceThreshold)
                .append(", maxPortfolioRisk=").append(maxPortfolioRisk)
                .append(", winLossLookbackDays=").append(winLossLookbackDays)
                .append(", payoffPrior=").append(payoffPrior)
                .append(", payoffPriorStrength=").append(payoffPriorStrength)
                .append(", calibrationMinOutcomes=").append(calibrationMinOutcomes)
                .append(", maxPredictionAgeSeconds=").append(maxPredictionAgeSeconds)
                .append(", lstmWeight=").append(lstmWeight)
                .append(", ensembleWeight=").append(ensembleWeight)
                .append(", maxPositionSizeContracts=").append(maxPositionSizeContracts)
                .append(", maxCorrelationExposure=").append(maxCorrelationExposure)
                .append(", emergencyReductionTrigger=").append(emergencyReductionTrigger)
                .append(", emergencyReductionFactor=").append(emergencyReductionFactor)
                .append(", minLossesForRisk=").append(minLossesForRisk)
                .append(", stopAtrMultiple=").append(stopAtrMultiple)
                .append(", correlationLookbackBars=").append(correlationLookbackBars)
                .append(", correlationThreshold=").append(correlationThreshold)
                .append(", maxHistoryAgeSeconds=").append(maxHistoryAgeSeconds)
                .append(", maxAccountAgeSeconds=").append(maxAccountAgeSeconds)
                .append(']').toString();
    }

    public SizingSettings withMaxPositionSizeContracts(int contracts) {
        return new SizingSettings(maxKellyFraction, minKellyFraction, kellyMultiplier, confidenceThreshold,
                maxPortfolioRisk, winLossLookbackDays, payoffPrior, payoffPriorStrength, calibrationMinOutcomes,
                maxPredictionAgeSeconds, lstmWeight, ensembleWeight, contracts, maxCorrelationExposure,
                emergencyReductionTrigger, emergencyReductionFactor, minLossesForRisk, stopAtrMultiple,
                correlationLookbackBars, correlationThreshold, maxHistoryAgeSeconds, maxAccountAgeSeconds);
    }

    /** The position cap of spec step 7: max_position_size, or floor(max_position_size × factor) in an emergency. */
    public int positionCapContracts(boolean emergency) {
        return emergency ? (int) Math.floor(maxPositionSizeContracts * emergencyReductionFactor + 1e-9) : maxPositionSizeContracts;
    }
}
