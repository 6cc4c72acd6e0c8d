package io.kellydesk.core;

import java.time.Duration;
import java.util.Optional;

/**
 * Spec step 11: the last check before a size is shown as tradable, and again at order handoff on current
 * data. It re-checks every limit from scratch (not trusting the sizer's arithmetic), the freshness of the
 * inputs, the services' health and the settings' validity.
 */
public final class RiskValidator {

    /** Rounding slack when comparing currency amounts against limits (one millionth of a cent). */
    private static final double SLACK = 1e-8;

    public record Rejection(ReasonCode reason, String detail) {
    }

    private RiskValidator() {
    }

    /**
     * @param contracts the size to check (positive)
     * @param risk      risk per contract of the symbol being checked
     */
    public static Optional<Rejection> check(SizingInputs inputs, SizingSettings settings, SettingsValidator.Report settingsReport,
                                            Direction side, int contracts, RiskPerContract risk) {
        if (!settingsReport.isUsable()) {
            return reject(ReasonCode.INVALID_SETTINGS, settingsReport.errors().getFirst().toString());
        }
        if (!inputs.unhealthyServices().isEmpty()) {
            return reject(ReasonCode.SERVICE_DOWN, "unhealthy: " + String.join(", ", new java.util.TreeSet<>(inputs.unhealthyServices())));
        }
        if (inputs.account().isEmpty()) {
            return reject(ReasonCode.NO_ACCOUNT, "no account data");
        }
        if (inputs.quote().isEmpty()) {
            return reject(ReasonCode.NO_QUOTE, "no quote");
        }
        boolean anyFreshPrediction = false;
        for (ModelId model : ModelId.values()) {
            anyFreshPrediction |= inputs.prediction(model)
                    .filter(p -> ProbabilityEstimator.isFresh(p, inputs.now(), settings)).isPresent();
        }
        if (!anyFreshPrediction) {
            return reject(ReasonCode.STALE_INPUT, "no prediction younger than " + ProbabilityEstimator.fmt(settings.maxPredictionAgeSeconds()) + " s");
        }
        Duration quoteAge = Duration.between(inputs.quote().get().timestamp(), inputs.now());
        if (quoteAge.toMillis() > settings.maxPredictionAgeSeconds() * 1000.0) {
            return reject(ReasonCode.STALE_INPUT, "quote is " + quoteAge.toSeconds() + " s old");
        }
        if (side == Direction.NEUTRAL || contracts <= 0) {
            return reject(ReasonCode.RISK_REJECTED, "nothing to trade");
        }
        double equity = inputs.account().get().equityCurrency();
        double capitalAtRisk = contracts * risk.currency();
        if (contracts > settings.maxPositionSizeContracts()) {
            return reject(ReasonCode.RISK_REJECTED, contracts + " contracts above max_position_size " + settings.maxPositionSizeContracts());
        }
        if (capitalAtRisk > settings.maxKellyFraction() * equity + SLACK) {
            return reject(ReasonCode.RISK_REJECTED, "capital at risk above max_kelly_fraction of equity");
        }
        double openRisk = inputs.openExposures().stream().mapToDouble(OpenExposure::riskCurrency).sum();
        if (openRisk + capitalAtRisk > settings.maxPortfolioRisk() * equity + SLACK) {
            return reject(ReasonCode.RISK_REJECTED, "portfolio risk above max_portfolio_risk of equity");
        }
        if (capitalAtRisk + correlatedRisk(inputs, settings, side) > settings.maxCorrelationExposure() * equity + SLACK) {
            return reject(ReasonCode.RISK_REJECTED, "correlated exposure above max_correlation_exposure of equity");
        }
        return Optional.empty();
    }

    /** Spec step 10: Σ |ρ|·risk_j over open positions with |ρ| ≥ threshold that add to the same bet. */
    public static double correlatedRisk(SizingInputs inputs, SizingSettings settings, Direction side) {
        double sum = 0;
        for (OpenExposure open : inputs.openExposures()) {
            double rho = open.symbol().equals(inputs.symbol()) ? 1.0 : open.correlation();
            OpenExposure effective = rho == open.correlation() ? open
                    : new OpenExposure(open.symbol(), open.side(), open.contracts(), open.riskPerContractCurrency(), rho);
            if (Math.abs(rho) >= settings.correlationThreshold() && effective.addsToSameBet(side)) {
                sum += Math.abs(rho) * open.riskCurrency();
            }
        }
        return sum;
    }

    private static Optional<Rejection> reject(ReasonCode reason, String detail) {
        return Optional.of(new Rejection(reason, detail));
    }
}
