package io.kellydesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/** Properties the sizing method must keep for any finite input, checked on generated desks. */
class SizingPropertiesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T14:30:00Z");

    @Provide
    Arbitrary<SizingInputs> desks() {
        Arbitrary<Optional<Prediction>> lstm = prediction(ModelId.LSTM);
        Arbitrary<Optional<Prediction>> ensemble = prediction(ModelId.ENSEMBLE);
        Arbitrary<PayoffStatistics> payoff = Combinators.combine(Arbitraries.integers().between(0, 500),
                Arbitraries.integers().between(0, 500), Arbitraries.doubles().between(0.01, 1e5), Arbitraries.doubles().between(0.01, 1e5))
                .as(PayoffStatistics::new);
        Arbitrary<Optional<Account>> account = Combinators.combine(Arbitraries.doubles().between(1, 1e10),
                        Arbitraries.doubles().between(0, 0.9))
                .as((equity, dd) -> new Account("A", equity, equity / (1 - dd), "USD", NOW))
                .optional(0.95);
        Arbitrary<Optional<Quote>> quote = Combinators.combine(Arbitraries.doubles().between(0.0, 1e4), Arbitraries.doubles().between(0.01, 2e5))
                .as((atr, pointValue) -> new Quote("X", 100, 100, 100, 0.25, pointValue, "USD", atr, 14, NOW))
                .optional(0.95);
        Arbitrary<List<Exposure>> open = Combinators.combine(Arbitraries.strings().withCharRange('A', 'E').ofLength(2),
                        Arbitraries.of(Direction.LONG, Direction.SHORT), Arbitraries.integers().between(0, 50),
                        Arbitraries.doubles().between(0, 1e6), Arbitraries.doubles().between(-1, 1))
                .as(io.kellydesk.testing.TestInputs::open).list().ofMaxSize(6);
        return Combinators.combine(lstm, ensemble, payoff, account, quote, open)
                .as((l, e, p, a, q, o) -> io.kellydesk.testing.TestInputs.inputs("X", NOW, l, e, p, a, q, o, Set.of()));
    }

    private static Arbitrary<Optional<Prediction>> prediction(ModelId model) {
        return Combinators.combine(Arbitraries.of(Direction.values()), Arbitraries.doubles().between(0, 1),
                        Arbitraries.doubles().between(0, 1).list().ofMaxSize(4), Arbitraries.integers().between(0, 90))
                .as((direction, c, members, age) -> {
                    Map<String, Double> m = new java.util.HashMap<>();
                    for (int i = 0; i < members.size(); i++) {
                        m.put("m" + i, members.get(i));
                    }
                    return new Prediction(model, "X", direction, c, model == ModelId.ENSEMBLE ? m : Map.of(), "", NOW.minusSeconds(age));
                })
                .optional(0.9);
    }

    private static final SizingContext CONTEXT = SizingContext.of(SizingSettings.defaults(), null);

    @Property(tries = 2000)
    void theFractionNeverExceedsTheCapAndContractsNeverTheMaxPosition(@ForAll("desks") SizingInputs inputs) {
        Recommendation r = KellySizer.recommend(inputs, CONTEXT);
        SizingSettings s = CONTEXT.settings();
        r.fractionUsed().ifPresent(f -> assertThat(f).isLessThanOrEqualTo(s.maxKellyFraction()));
        assertThat(r.contracts()).isBetween(0, s.maxPositionSizeContracts());
    }

    @Property(tries = 2000)
    void portfolioRiskAfterSizingStaysUnderItsCap(@ForAll("desks") SizingInputs inputs) {
        Recommendation r = KellySizer.recommend(inputs, CONTEXT);
        if (r.isTrade()) {
            double equity = inputs.account().orElseThrow().equityCurrency();
            double open = inputs.others().stream().mapToDouble(x -> x.riskCurrency().orElseThrow()).sum();
            assertThat(open + r.capitalAtRiskCurrency()).isLessThanOrEqualTo(CONTEXT.settings().maxPortfolioRisk() * equity * (1 + 1e-12));
            assertThat(r.capitalAtRiskCurrency()).isLessThanOrEqualTo(CONTEXT.settings().maxCorrelationExposure() * equity * (1 + 1e-12));
        }
    }

    @Property(tries = 2000)
    void noNaNOrInfinityAndEveryNoTradeHasAReason(@ForAll("desks") SizingInputs inputs) {
        Recommendation r = KellySizer.recommend(inputs, CONTEXT);
        List<OptionalDouble> values = new ArrayList<>(List.of(r.historicalPayoffRatio(), r.payoffRatio(), r.fullKellyFraction(),
                r.fractionAfterMultiplier(), r.drawdownFraction(), r.fractionUsed(), r.openRiskCurrency(),
                r.correlatedExposureCurrency(), r.expectedEdge(), r.growthRate()));
        r.estimate().ifPresent(e -> values.add(OptionalDouble.of(e.winProbability())));
        r.riskPerContract().ifPresent(risk -> values.add(OptionalDouble.of(risk.currency())));
        for (OptionalDouble value : values) {
            value.ifPresent(v -> assertThat(Double.isFinite(v)).as("finite: %s in %s", v, r).isTrue());
        }
        assertThat(Double.isFinite(r.capitalAtRiskCurrency())).isTrue();
        if (r.status() == Recommendation.Status.NO_TRADE) {
            assertThat(r.reason()).isNotEqualTo(ReasonCode.NONE);
            assertThat(r.contracts()).isZero();
        } else {
            assertThat(r.contracts()).isPositive();
        }
    }

    @Property(tries = 2000)
    void raisingTheWinProbabilityNeverLowersTheFraction(@ForAll @DoubleRange(min = 0.5, max = 1.0) double c1,
                                                       @ForAll @DoubleRange(min = 0.5, max = 1.0) double c2,
                                                       @ForAll("desks") SizingInputs desk) {
        double low = Math.min(c1, c2);
        double high = Math.max(c1, c2);
        double fLow = fractionFor(desk, low);
        double fHigh = fractionFor(desk, high);
        assertThat(fHigh).isGreaterThanOrEqualTo(fLow);
    }

    /** f reached with a single long LSTM prediction of confidence c; 0 when the method stops before step 6. */
    private static double fractionFor(SizingInputs desk, double c) {
        Prediction p = new Prediction(ModelId.LSTM, "X", Direction.LONG, c, Map.of(), "", NOW);
        SizingInputs in = io.kellydesk.testing.TestInputs.inputs("X", NOW, Optional.of(p), Optional.empty(), desk.payoff().orElseThrow(), desk.account(),
                desk.quote(), desk.others(), Set.of());
        return KellySizer.recommend(in, CONTEXT).fractionUsed().orElse(0.0);
    }

    @Property(tries = 500)
    void growthIsNeverAboveTheGrowthAtFullKelly(@ForAll @DoubleRange(min = 0.01, max = 0.99) double p,
                                                @ForAll @DoubleRange(min = 0.05, max = 20) double b,
                                                @ForAll @DoubleRange(min = 0, max = 0.99) double f) {
        double fStar = KellyMath.fullKellyFraction(p, b);
        if (fStar > 0 && fStar < 1) {
            assertThat(KellyMath.growthRate(p, b, f)).isLessThanOrEqualTo(KellyMath.growthRate(p, b, fStar) + 1e-12);
        }
    }

}
