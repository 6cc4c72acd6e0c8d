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

    /** One raise: the key, its label, old → new and new ÷ old (infinite from 0). */
    public record Raise(String key, String label, double oldValue, double newValue, double ratio) {
        /** "Max contracts per position: 5 → 50 (× 10)". */
        public String words() {
            String times = Double.isInfinite(ratio) ? "from 0" : "× " + number(ratio);
            return label + ": " + number(oldValue) + " → " + number(newValue) + " (" + times + ")";
        }
    }

    private record Limit(String key, String label, boolean anyRaise, ToDoubleFunction<SizingSettings> value) {
    }

    /** Higher is riskier for each of these. */
    private static final List<Limit> LIMITS = List.of(
            new Limit("max_position_size", "Max contracts per position", true, SizingSettings::maxPositionSizeContracts),
            new Limit("max_portfolio_risk", "Max portfolio risk", true, SizingSettings::maxPortfolioRisk),
            new Limit("max_correlation_exposure", "Max correlated exposure", true, SizingSettings::maxCorrelationExposure),
            new Limit("kelly_multiplier", "Kelly multiplier", false, SizingSettings::kellyMultiplier),
            new Limit("max_kelly_fraction", "Max Kelly fraction", false, SizingSettings::maxKellyFraction),
            new Limit("emergency_reduction_trigger", "Emergency trigger", false, SizingSettings::emergencyReductionTrigger),
            new Limit("emergency_reduction_factor", "Emergency factor", false, SizingSettings::emergencyReductionFactor));

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
                raises.add(new Raise(limit.key(), limit.label(), old, next, ratio));
            }
        }
        return List.copyOf(raises);
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e12 ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.4g", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
