package io.kellydesk.core;

import java.util.ArrayList;
import java.util.List;

/** Checks a {@link SizingSettings}: errors block its use, warnings name a risk the officer must accept. */
public final class SettingsValidator {

    /** How far the model weights may be from summing to 1. */
    public static final double WEIGHT_SUM_TOLERANCE = 0.001;

    private SettingsValidator() {
    }

    public record Report(List<SettingsIssue> issues) {
        public Report {
            issues = List.copyOf(issues);
        }

        public List<SettingsIssue> errors() {
            return issues.stream().filter(i -> i.severity() == SettingsIssue.Severity.ERROR).toList();
        }

        public List<SettingsIssue> warnings() {
            return issues.stream().filter(i -> i.severity() == SettingsIssue.Severity.WARNING).toList();
        }

        public boolean isUsable() {
            return errors().isEmpty();
        }

        public List<SettingsIssue> issuesFor(String key) {
            return issues.stream().filter(i -> i.key().equals(key)).toList();
        }
    }

    public static Report validate(SizingSettings s) {
        List<SettingsIssue> issues = new ArrayList<>();
        fraction(issues, "max_kelly_fraction", s.maxKellyFraction());
        fraction(issues, "min_kelly_fraction", s.minKellyFraction());
        fraction(issues, "max_portfolio_risk", s.maxPortfolioRisk());
        fraction(issues, "max_correlation_exposure", s.maxCorrelationExposure());
        fraction(issues, "emergency_reduction_trigger", s.emergencyReductionTrigger());
        fraction(issues, "emergency_reduction_factor", s.emergencyReductionFactor());
        if (s.minKellyFraction() > s.maxKellyFraction()) {
            error(issues, "min_kelly_fraction", "must not be above max_kelly_fraction (" + s.maxKellyFraction() + ")");
        }
        if (!(s.kellyMultiplier() > 0) || !Double.isFinite(s.kellyMultiplier())) {
            error(issues, "kelly_multiplier", "must be above 0, was " + s.kellyMultiplier());
        } else if (s.kellyMultiplier() > 1.0) {
            warn(issues, "kelly_multiplier", "above 1 bets more than full Kelly: lower growth and larger drawdowns than full Kelly (over-betting)");
        }
        if (s.maxKellyFraction() > 0.5 && s.maxKellyFraction() <= 1.0) {
            warn(issues, "max_kelly_fraction", "above 50 % (0.5) lets one trade put more than half the equity at risk");
        }
        if (!(s.confidenceThreshold() >= 0.5 && s.confidenceThreshold() < 1.0)) {
            error(issues, "confidence_threshold", "must be in [0.5, 1), was " + s.confidenceThreshold());
        }
        if (!(s.correlationThreshold() >= 0.0 && s.correlationThreshold() <= 1.0)) {
            error(issues, "correlation_threshold", "must be in [0, 1], was " + s.correlationThreshold());
        }
        double weightSum = 0;
        for (ModelId model : ModelId.values()) {
            weightSum += s.weightOf(model);
        }
        if (!(s.lstmWeight() >= 0) || !(s.ensembleWeight() >= 0)) {
            error(issues, "model_weights", "weights must not be negative (lstm " + s.lstmWeight() + ", ensemble " + s.ensembleWeight() + ")");
        } else if (!(Math.abs(weightSum - 1.0) <= WEIGHT_SUM_TOLERANCE)) {
            error(issues, "model_weights", "lstm + ensemble must sum to 1 (within " + WEIGHT_SUM_TOLERANCE + "), was "
                    + round(weightSum));
        }
        count(issues, "win_loss_lookback_days", s.winLossLookbackDays(), 1);
        count(issues, "calibration_min_outcomes", s.calibrationMinOutcomes(), 0);
        count(issues, "max_position_size", s.maxPositionSizeContracts(), 0);
        count(issues, "min_losses_for_risk", s.minLossesForRisk(), 0);
        count(issues, "correlation_lookback_bars", s.correlationLookbackBars(), 3);
        if (!(s.payoffPriorStrength() >= 0) || !Double.isFinite(s.payoffPriorStrength())) {
            error(issues, "payoff_prior_strength", "must not be negative, was " + s.payoffPriorStrength());
        }
        positive(issues, "payoff_prior", s.payoffPrior());
        positive(issues, "max_prediction_age_s", s.maxPredictionAgeSeconds());
        positive(issues, "max_history_age_s", s.maxHistoryAgeSeconds());
        positive(issues, "max_account_age_s", s.maxAccountAgeSeconds());
        positive(issues, "stop_atr_multiple", s.stopAtrMultiple());
        if (s.maxPositionSizeContracts() == 0) {
            warn(issues, "max_position_size", "0 contracts stops every trade");
        }
        return new Report(issues);
    }

    private static void fraction(List<SettingsIssue> issues, String key, double value) {
        if (!(value > 0.0 && value <= 1.0)) {
            error(issues, key, "must be a fraction in (0, 1], was " + value);
        }
    }

    private static void positive(List<SettingsIssue> issues, String key, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            error(issues, key, "must be above 0, was " + value);
        }
    }

    private static void count(List<SettingsIssue> issues, String key, int value, int minimum) {
        if (value < 0) {
            error(issues, key, "must not be negative, was " + value);
        } else if (value < minimum) {
            error(issues, key, "must be at least " + minimum + ", was " + value);
        }
    }

    private static void error(List<SettingsIssue> issues, String key, String message) {
        issues.add(new SettingsIssue(key, SettingsIssue.Severity.ERROR, message));
    }

    private static void warn(List<SettingsIssue> issues, String key, String message) {
        issues.add(new SettingsIssue(key, SettingsIssue.Severity.WARNING, message));
    }

    private static String round(double value) {
        return String.valueOf(Math.round(value * 1e6) / 1e6);
    }
}
