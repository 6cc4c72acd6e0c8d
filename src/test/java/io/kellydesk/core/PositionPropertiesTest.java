package io.kellydesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Spec step 12's guarantees on generated desks: whatever is held and working, with inputs of any age (fresh,
 * stale or never received), unpriced and uncorrelated exposures in other symbols, and any drawdown.
 */
class PositionPropertiesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T14:30:00Z");
    private static final SizingContext CONTEXT = SizingContext.of(SizingSettings.defaults(), null);

    /** A time as of which an input holds: fresh mostly, sometimes past its limit, sometimes never received. */
    private static Arbitrary<Optional<Instant>> asOf(int maxAgeSeconds) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(0, maxAgeSeconds).map(s -> Optional.of(NOW.minusSeconds(s)))),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(maxAgeSeconds + 1, maxAgeSeconds * 3).map(s -> Optional.of(NOW.minusSeconds(s)))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Optional.<Instant>empty())));
    }

    @Provide
    Arbitrary<SizingInputs> desks() {
        Arbitrary<Prediction> lstm = Combinators.combine(Arbitraries.of(Direction.values()), Arbitraries.doubles().between(0.3, 0.95))
                .as((d, c) -> new Prediction(ModelId.LSTM, "X", d, c, Map.of(), "", NOW));
        Arbitrary<PayoffStatistics> payoff = Combinators.combine(Arbitraries.integers().between(0, 40), Arbitraries.integers().between(0, 40),
                Arbitraries.doubles().between(10, 5_000), Arbitraries.doubles().between(10, 5_000)).as(PayoffStatistics::new);
        Arbitrary<Account> account = Combinators.combine(Arbitraries.doubles().between(5_000, 5e6), Arbitraries.doubles().between(0, 0.6))
                .as((equity, dd) -> new Account("A", equity, equity / (1 - dd), "USD", NOW));
        Arbitrary<Quote> quote = Combinators.combine(Arbitraries.doubles().between(0.5, 300), Arbitraries.of(5.0, 20.0, 50.0, 1000.0))
                .as((atr, pv) -> new Quote("X", 100, 100, 100, 0.25, pv, "USD", atr, 14, NOW));
        Arbitrary<Exposure> other = Combinators.combine(Arbitraries.of("A", "B", "C", "D"), Arbitraries.integers().between(-8, 8),
                        Arbitraries.integers().between(-4, 4), Arbitraries.doubles().between(100, 20_000).optional(0.85),
                        Arbitraries.doubles().between(-1, 1).optional(0.8))
                .as((s, h, w, r, rho) -> new Exposure(s, h, w, r.map(OptionalDouble::of).orElse(OptionalDouble.empty()),
                        rho.map(OptionalDouble::of).orElse(OptionalDouble.empty())));
        Arbitrary<SizingInputs.Builder> values = Combinators.combine(lstm, payoff, account, quote,
                        Arbitraries.integers().between(-12, 12), Arbitraries.integers().between(-6, 6),
                        other.list().ofMaxSize(4).uniqueElements(Exposure::symbol))
                .as((p, pay, a, q, held, working, others) -> SizingInputs.builder("X", NOW).prediction(p).payoff(pay).account(a)
                        .quote(q).positions(held).working(working).others(others));
        return Combinators.combine(values, asOf(60), asOf(600), asOf(60), asOf(60), asOf(60), asOf(60))
                .as((b, prediction, history, acct, positions, orders, q) -> {
                    apply(b, InputKind.LSTM_PREDICTION, prediction);
                    apply(b, InputKind.TRADE_HISTORY, history);
                    apply(b, InputKind.ACCOUNT, acct);
                    apply(b, InputKind.POSITIONS, positions);
                    apply(b, InputKind.WORKING_ORDERS, orders);
                    apply(b, InputKind.QUOTE, q);
                    return b.build();
                });
    }

    private static void apply(SizingInputs.Builder b, InputKind kind, Optional<Instant> at) {
        at.ifPresentOrElse(t -> b.asOf(kind, t), () -> b.without(kind));
    }

    @Property(tries = 3000)
    void noOfferedOrderTakesTheExposureAboveTheCap(@ForAll("desks") SizingInputs in) {
        Recommendation r = KellySizer.recommend(in, CONTEXT);
        if (r.hasOrder()) {
            assertThat(Math.abs(r.exposureAfterOrder())).as("|x + order| in %s", r).isLessThanOrEqualTo(r.positionCapContracts());
        }
        assertThat(Math.abs(r.targetContracts())).isLessThanOrEqualTo(r.positionCapContracts());
    }

    @Property(tries = 3000)
    void noOrderAtAllWhereThePositionsAreNotKnownFresh(@ForAll("desks") SizingInputs in) {
        Recommendation r = KellySizer.recommend(in, CONTEXT);
        if (!in.isFresh(InputKind.POSITIONS, CONTEXT.settings())) {
            assertThat(r.action()).isEqualTo(OrderAction.NONE);
            assertThat(r.isTrade()).isFalse();
        }
    }

    @Property(tries = 3000)
    void anOrderThatAddsToTheExposureComesOnlyWithATradeOnFreshInputs(@ForAll("desks") SizingInputs in) {
        Recommendation r = KellySizer.recommend(in, CONTEXT);
        int x = r.exposureContracts();
        boolean adds = Math.abs(r.exposureAfterOrder()) > Math.abs(x) || (x != 0 && Integer.signum(r.exposureAfterOrder()) == -Integer.signum(x));
        if (r.hasOrder() && adds) {
            assertThat(r.isTrade()).isTrue();
            for (InputKind kind : List.of(InputKind.TRADE_HISTORY, InputKind.ACCOUNT, InputKind.POSITIONS, InputKind.QUOTE)) {
                assertThat(in.isFresh(kind, CONTEXT.settings())).as(kind.words()).isTrue();
            }
        }
    }

    @Property(tries = 3000)
    void anEmergencyNeverRaisesAnyTarget(@ForAll("desks") SizingInputs in) {
        if (in.account().isEmpty()) {
            return;
        }
        Account a = in.account().get();
        // the same desk with its peak at equity (no drawdown), and 35 % below it (an emergency)
        SizingInputs calm = in.toBuilder().account(new Account("A", a.equityCurrency(), a.equityCurrency(), "USD", NOW),
                in.asOf().get(InputKind.ACCOUNT) == null ? NOW : in.asOf().get(InputKind.ACCOUNT)).build();
        SizingInputs emergency = in.toBuilder().account(new Account("A", a.equityCurrency(), a.equityCurrency() / 0.65, "USD", NOW),
                in.asOf().get(InputKind.ACCOUNT) == null ? NOW : in.asOf().get(InputKind.ACCOUNT)).build();
        int calmTarget = Math.abs(KellySizer.recommend(calm, CONTEXT).targetContracts());
        int emergencyTarget = Math.abs(KellySizer.recommend(emergency, CONTEXT).targetContracts());
        assertThat(emergencyTarget).isLessThanOrEqualTo(calmTarget);
    }

    @Property(tries = 3000)
    void theFractionAtRiskIsNeverAboveTheFractionUsed(@ForAll("desks") SizingInputs in) {
        Recommendation r = KellySizer.recommend(in, CONTEXT);
        r.fractionAtRisk().ifPresent(atRisk -> assertThat(atRisk).isLessThanOrEqualTo(r.fractionUsed().getAsDouble() + 1e-12));
        assertThat(r.fractionAtRisk().isPresent()).isEqualTo(r.isTrade());
    }
}
