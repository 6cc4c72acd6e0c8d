package io.kellydesk.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Settings changes that raise the desk's risk and need the officer's explicit confirmation: any raise of
 * {@code max_position_size}, {@code max_portfolio_risk} or {@code max_correlation_exposure}, and a raise by more than
 * 50 % of another risk limit or of the Kelly multiplier.
 */
public final class RiskRaises {

    /** A raise above this ratio (new ÷ old) of a limit that is not always confirmed needs confirming. */
    public static final double RATIO_NEEDING_CONFIRMATION = 1.5;

    /** One raise: the key, its label, old → new (fractions of equity shown in percent) and new ÷ old (infinite from 0). */
    public record Raise(String key, String label, double oldValue, double newValue, double ratio, boolean percent) {
        /** "Max contracts per position: 5 → 50 (× 10)", "Max Kelly fraction: 25 % → 60 % (× 2.4)". */
        public String words() {
            String times = Double.isInfinite(ratio) ? "from 0" : "× " + number(ratio);
            return label + ": " + shown(oldValue) + " → " + shown(newValue) + " (" + times + ")";
        }

        private String shown(double value) {
            return percent ? java.math.BigDecimal.valueOf(value).movePointRight(2).stripTrailingZeros().toPlainString() + " %" : number(value);
        }
    }

    private record Limit(String key, String label, boolean anyRaise, boolean percent, ToDoubleFunction<SizingSettings> value) {
    }

    /** Higher is riskier for each of these. */
    private static final List<Limit> LIMITS = List.of(
            new Limit("max_position_size", "Max contracts per position", true, false, SizingSettings::maxPositionSizeContracts),
            new Limit("max_portfolio_risk", "Max portfolio risk", true, true, SizingSettings::maxPortfolioRisk),
            new Limit("max_correlation_exposure", "Max correlated exposure", true, true, SizingSettings::maxCorrelationExposure),
            new Limit("kelly_multiplier", "Kelly multiplier", false, false, SizingSettings::kellyMultiplier),
            new Limit("max_kelly_fraction", "Max Kelly fraction", false, true, SizingSettings::maxKellyFraction),
            new Limit("emergency_reduction_trigger", "Emergency trigger", false, true, SizingSettings::emergencyReductionTrigger),
            new Limit("emergency_reduction_factor", "Emergency factor", false, false, SizingSettings::emergencyReductionFactor));

    private RiskRaises() {
    }

    /** The raises from {@code before} to {@code after} that need confirming, in the order above; empty when none. */
    public static List<Raise> between(SizingSettings before, SizingSettings after) {
        List<Raise> raises = new ArrayList<>();
        for (Limit limit : LIMITS) {
            double old = limit.value().applyAsDouble(before);
            double next = limit.value().applyAsDouble(after);
            if (!(next > old)) {
                continue;
            }
            double ratio = old > 0 ? next / old : Double.POSITIVE_INFINITY;
            if (limit.anyRaise() || ratio > RATIO_NEEDING_CONFIRMATION) {
                raises.add(new Raise(limit.key(), limit.label(), old, next, ratio, limit.percent()));
            }
        }
        return List.copyOf(raises);
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e12 ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.4g", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
