package io.kellydesk.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

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

    /** Spec step 9's open risk of the other symbols, and those whose risk per contract is unknown (then it is unknown). */
    public record OpenRisk(double riskCurrency, List<String> unpriced) {
    }

    /** Σ |x_j| × risk_j over the other symbols with x_j ≠ 0; this symbol's own exposure is replaced by its target. */
    public static OpenRisk openRisk(SizingInputs inputs) {
        List<String> unpriced = new ArrayList<>();
        double sum = 0;
        for (Exposure other : inputs.others()) {
            if (other.contracts() == 0) {
                continue;
            }
            OptionalDouble r = other.riskCurrency();
            if (r.isEmpty()) {
                unpriced.add(other.symbol());
            } else {
                sum += r.getAsDouble();
            }
        }
        return new OpenRisk(sum, List.copyOf(unpriced));
    }

    /** Spec step 10's sum over the other symbols, and the symbols whose ρ was unknown. */
    public record Correlated(double riskCurrency, List<String> unknown) {
    }

    private RiskValidator() {
    }

    /**
     * @param contracts the target size to check (positive), in contracts
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
        boolean anyFreshPrediction = false;
        for (ModelId model : ModelId.values()) {
            anyFreshPrediction |= inputs.isFresh(InputKind.prediction(model), settings);
        }
        if (!anyFreshPrediction) {
            return reject(ReasonCode.STALE_INPUT, "no prediction younger than " + ProbabilityEstimator.fmt(settings.maxPredictionAgeSeconds()) + " s");
        }
        for (InputKind required : List.of(InputKind.TRADE_HISTORY, InputKind.ACCOUNT, InputKind.POSITIONS, InputKind.QUOTE)) {
            InputKind.State state = inputs.state(required, settings);
            if (state == InputKind.State.NEVER) {
                return reject(switch (required) {
                    case TRADE_HISTORY -> ReasonCode.NO_TRADE_HISTORY;
                    case ACCOUNT -> ReasonCode.NO_ACCOUNT;
                    case POSITIONS -> ReasonCode.NO_POSITIONS;
                    default -> ReasonCode.NO_QUOTE;
                }, "no " + required.words() + " received yet");
            }
            if (state == InputKind.State.STALE) {
                return reject(ReasonCode.STALE_INPUT, ProbabilityEstimator.ageWords(inputs, required) + " (limit "
                        + ProbabilityEstimator.fmt(required.maxAgeSeconds(settings)) + " s)");
            }
        }
        if (side == Direction.NEUTRAL || contracts <= 0) {
            return reject(ReasonCode.RISK_REJECTED, "nothing to trade");
        }
        double equity = inputs.account().get().equityCurrency();
        boolean emergency = inputs.account().get().drawdownFraction() >= settings.emergencyReductionTrigger();
        int cap = settings.positionCapContracts(emergency);
        double capitalAtRisk = contracts * risk.currency();
        if (contracts > cap) {
            return reject(ReasonCode.RISK_REJECTED, contracts + " contracts above the position cap of " + cap
                    + (emergency ? " (emergency)" : ""));
        }
        if (capitalAtRisk > settings.maxKellyFraction() * equity + SLACK) {
            return reject(ReasonCode.RISK_REJECTED, "capital at risk above max_kelly_fraction of equity");
        }
        OpenRisk open = openRisk(inputs);
        if (!open.unpriced().isEmpty()) {
            return reject(ReasonCode.UNPRICED_EXPOSURE, "no risk per contract known for the exposure in " + String.join(", ", open.unpriced()));
        }
        double openRisk = open.riskCurrency();
        if (openRisk + capitalAtRisk > settings.maxPortfolioRisk() * equity + SLACK) {
            return reject(ReasonCode.RISK_REJECTED, "portfolio risk above max_portfolio_risk of equity");
        }
        if (capitalAtRisk + correlatedRisk(inputs, settings, side).riskCurrency() > settings.maxCorrelationExposure() * equity + SLACK) {
            return reject(ReasonCode.RISK_REJECTED, "correlated exposure above max_correlation_exposure of equity");
        }
        return Optional.empty();
    }

    /**
     * Spec step 10: Σ |ρ|·|x_j|·risk_j over the other symbols with x_j ≠ 0 and |ρ| ≥ threshold that add to the same
     * bet as {@code side}. A ρ that is unknown counts as 1 when j is on the same side (conservative), and is named.
     * An exposure with no known risk per contract adds nothing here (step 9 refuses it before).
     */
    public static Correlated correlatedRisk(SizingInputs inputs, SizingSettings settings, Direction side) {
        double sum = 0;
        List<String> unknown = new ArrayList<>();
        for (Exposure other : inputs.others()) {
            if (other.contracts() == 0 || other.symbol().equals(inputs.symbol())) {
                continue;
            }
            double risk = other.riskCurrency().orElse(0);
            Direction otherSide = other.side();
            if (other.correlation().isEmpty()) {
                unknown.add(other.symbol());
                if (otherSide == side) {
                    sum += risk;
                }
                continue;
            }
            double rho = other.correlation().getAsDouble();
            boolean sameBet = (rho > 0 && otherSide == side) || (rho < 0 && otherSide == side.opposite());
            if (Math.abs(rho) >= settings.correlationThreshold() && sameBet) {
                sum += Math.abs(rho) * risk;
            }
        }
        return new Correlated(sum, List.copyOf(unknown));
    }

    private static Optional<Rejection> reject(ReasonCode reason, String detail) {
        return Optional.of(new Rejection(reason, detail));
    }
}
