package io.kellydesk.core;

import static io.kellydesk.core.SizingFixtures.NOW;
import static io.kellydesk.core.SizingFixtures.account;
import static io.kellydesk.core.SizingFixtures.lstm;
import static io.kellydesk.core.SizingFixtures.nqQuote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Spec steps 0 and 7–12 (revision 2): every input received and fresh, or a reason naming it; targets, not orders;
 * the held and working exposure; the emergency cap.
 *
 * <p>The base desk, derived once: LSTM long 0.7 alone → p 0.7; an empty (received) history → b = b0 = 1;
 * f* = (1·0.7 − 0.3)/1 = 0.4; half Kelly f = 0.2 (under the 0.25 cap); equity 100,000 at its peak; risk per contract
 * the ATR stop 1.5 × 85.5 × 20 = 2,565; n = floor(0.2 × 100,000 / 2,565) = floor(7.797) = 7 → max_position_size 5;
 * portfolio 5 × 2,565 = 12,825 ≤ 20,000; correlation 12,825 ≤ 15,000 → target long 5.
 */
class PositionSizingTest {

    private static final SizingContext DEFAULTS = SizingContext.of(SizingSettings.defaults(), null);

    private static SizingInputs.Builder desk() {
        return SizingInputs.builder("NQZ26-CME", NOW).prediction(lstm(Direction.LONG, 0.7)).payoff(PayoffStatistics.NONE)
                .account(account(100_000, 100_000)).quote(nqQuote()).positions(0).working(0);
    }

    private static Recommendation size(SizingInputs.Builder in) {
        return KellySizer.recommend(in.build(), DEFAULTS);
    }

    // ------------------------------------------------------------------ step 0

    @Test
    void theBaseDeskIsATradeOfFiveFromFlat() {
        Recommendation r = size(desk());
        assertThat(r.isTrade()).isTrue();
        assertThat(r.contracts()).isEqualTo(5);
        assertThat(r.targetContracts()).isEqualTo(5);
        assertThat(r.orderContracts()).isEqualTo(5);
        assertThat(r.action()).isEqualTo(OrderAction.ADD);
        // f_at_risk = 12,825 / 100,000 = 0.12825 ≤ f 0.2
        assertThat(r.fractionAtRisk().getAsDouble()).isCloseTo(0.12825, within(1e-9));
        assertThat(r.fractionUsed().getAsDouble()).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void aHistoryThatNeverArrivedIsNotReplacedByThePrior() {
        Recommendation r = size(desk().without(InputKind.TRADE_HISTORY));
        assertThat(r.reason()).isEqualTo(ReasonCode.NO_TRADE_HISTORY);
        assertThat(r.payoffRatio()).as("no b from a prior standing in for the history").isEmpty();
        assertThat(r.contracts()).isZero();
    }

    @Test
    void aHistoryOlderThanItsLimitIsStaleAndNamed() {
        // received 601 s ago against max_history_age_s 600
        Recommendation r = size(desk().asOf(InputKind.TRADE_HISTORY, NOW.minusSeconds(601)));
        assertThat(r.reason()).isEqualTo(ReasonCode.STALE_INPUT);
        assertThat(r.reasonDetail()).isEqualTo("trade history 601 s old (limit 600 s)");
        assertThat(r.staleInputs()).containsExactly(InputKind.TRADE_HISTORY);
        // 600 s exactly is still fresh
        assertThat(size(desk().asOf(InputKind.TRADE_HISTORY, NOW.minusSeconds(600))).isTrade()).isTrue();
    }

    @Test
    void theAccountAndThePositionsMustHaveArrivedAndBeFresh() {
        assertThat(size(desk().without(InputKind.ACCOUNT)).reason()).isEqualTo(ReasonCode.NO_ACCOUNT);
        Recommendation oldAccount = size(desk().asOf(InputKind.ACCOUNT, NOW.minusSeconds(61)));
        assertThat(oldAccount.reason()).isEqualTo(ReasonCode.STALE_INPUT);
        assertThat(oldAccount.reasonDetail()).isEqualTo("account 61 s old (limit 60 s)");
        assertThat(size(desk().without(InputKind.POSITIONS)).reason()).isEqualTo(ReasonCode.NO_POSITIONS);
        Recommendation oldPositions = size(desk().asOf(InputKind.POSITIONS, NOW.minusSeconds(90)));
        assertThat(oldPositions.reason()).isEqualTo(ReasonCode.STALE_INPUT);
        assertThat(oldPositions.reasonDetail()).isEqualTo("positions 90 s old (limit 60 s)");
    }

    @Test
    void theQuoteAndThePredictionsMustHaveArrivedAndBeFresh() {
        assertThat(size(desk().without(InputKind.QUOTE)).reason()).isEqualTo(ReasonCode.NO_QUOTE);
        Recommendation oldQuote = size(desk().asOf(InputKind.QUOTE, NOW.minusSeconds(75)));
        assertThat(oldQuote.reason()).isEqualTo(ReasonCode.STALE_INPUT);
        assertThat(oldQuote.reasonDetail()).isEqualTo("quote 75 s old (limit 60 s)");
        assertThat(size(desk().without(InputKind.LSTM_PREDICTION)).reason()).isEqualTo(ReasonCode.NO_PREDICTION);
        Recommendation oldPrediction = size(desk().asOf(InputKind.LSTM_PREDICTION, NOW.minusSeconds(61)));
        assertThat(oldPrediction.reason()).isEqualTo(ReasonCode.STALE_INPUT);
        assertThat(oldPrediction.reasonDetail()).isEqualTo("LSTM prediction 61 s old (limit 60 s)");
    }

    @Test
    void theAgeIsTheOlderOfReceiptAndTheServicesOwnTime() {
        // the prediction says it was made 2 s ago but the desk last received it 70 s ago: 70 s old
        Prediction p = lstm(Direction.LONG, 0.7);
        Recommendation r = size(desk().prediction(p, NOW.minusSeconds(70)));
        assertThat(r.reason()).isEqualTo(ReasonCode.STALE_INPUT);
        assertThat(r.inputAge(InputKind.LSTM_PREDICTION)).hasValueSatisfying(a -> assertThat(a.toSeconds()).isEqualTo(70));
    }

    @Test
    void workingOrdersNeverReceivedAreNoReasonToStop() {
        // spec step 0: then the desk's own handoffs count as working (the engine passes them in as working)
        Recommendation r = size(desk().working(2, java.util.Optional.empty()));
        assertThat(r.isTrade()).isTrue();
        assertThat(r.workingContracts()).isEqualTo(2);
        assertThat(r.inputAge(InputKind.WORKING_ORDERS)).isEmpty();
        // x = 0 + 2 → add 3 to reach 5
        assertThat(r.orderContracts()).isEqualTo(3);
    }

    // ------------------------------------------------------------------ step 7: the emergency cap

    @Test
    void anEmergencyCutsTheCapAsWellAsTheFraction() {
        // equity 100,000 at a peak of 150,000: drawdown 1/3 ≥ 0.3. f = 0.2 × 0.5 = 0.1;
        // floor(0.1 × 100,000 / 2,565) = floor(3.899) = 3, then the emergency cap floor(5 × 0.5) = 2 binds
        Recommendation r = size(desk().account(account(100_000, 150_000)));
        assertThat(r.emergency()).isTrue();
        assertThat(r.fractionUsed().getAsDouble()).isCloseTo(0.1, within(1e-9));
        assertThat(r.positionCapContracts()).isEqualTo(2);
        assertThat(r.contracts()).isEqualTo(2);
        assertThat(r.cappedAtMaxPosition()).isTrue();
    }

    // ------------------------------------------------------------------ step 12: every branch

    @Test
    void tradeSameSideBelowTheTargetAdds() {
        Recommendation r = size(desk().positions(3));
        assertThat(r.action()).isEqualTo(OrderAction.ADD);
        assertThat(r.actionReason()).isEqualTo(ActionReason.NONE);
        assertThat(r.orderContracts()).isEqualTo(2); // 5 − 3
        assertThat(r.exposureAfterOrder()).isEqualTo(5);
    }

    @Test
    void tradeAtOrBeyondTheTargetWithinTheCapOffersNoOrder() {
        Recommendation held = size(desk().positions(5));
        assertThat(held.action()).isEqualTo(OrderAction.NONE);
        assertThat(held.actionReason()).isEqualTo(ActionReason.AT_TARGET);
        assertThat(held.orderContracts()).isZero();
        // 3 held and 2 working are at the target too: the working order is counted
        Recommendation working = size(desk().positions(3).working(2));
        assertThat(working.actionReason()).isEqualTo(ActionReason.AT_TARGET);
        // emergency: target 2, holding 2 of a cap of 2 → at target (the target is 2, x = 2)
        Recommendation small = size(desk().account(account(100_000, 150_000)).positions(2));
        assertThat(small.actionReason()).isEqualTo(ActionReason.AT_TARGET);
    }

    @Test
    void tradeSameSideAboveTheCapReducesToTheCap() {
        // holding 7 long against max_position_size 5: sell 2
        Recommendation r = size(desk().positions(7));
        assertThat(r.action()).isEqualTo(OrderAction.REDUCE);
        assertThat(r.actionReason()).isEqualTo(ActionReason.LIMIT_BREACH);
        assertThat(r.orderContracts()).isEqualTo(-2);
        // in an emergency (cap 2): holding 4 long → sell 2, reason EMERGENCY
        Recommendation e = size(desk().account(account(100_000, 150_000)).positions(4));
        assertThat(e.action()).isEqualTo(OrderAction.REDUCE);
        assertThat(e.actionReason()).isEqualTo(ActionReason.EMERGENCY);
        assertThat(e.orderContracts()).isEqualTo(-2);
    }

    @Test
    void tradeAgainstTheHeldSideReverses() {
        // holding 3 short, target 5 long: buy 8 (close 3, open 5)
        Recommendation r = size(desk().positions(-3));
        assertThat(r.action()).isEqualTo(OrderAction.REVERSE);
        assertThat(r.orderContracts()).isEqualTo(8);
        assertThat(r.exposureAfterOrder()).isEqualTo(5);
    }

    @Test
    void noTradeWithinTheCapOffersNothingAndAboveItReduces() {
        // confidence 0.55 < 0.6: NO_TRADE
        Recommendation within = size(desk().prediction(lstm(Direction.LONG, 0.55)).positions(4));
        assertThat(within.reason()).isEqualTo(ReasonCode.BELOW_CONFIDENCE);
        assertThat(within.action()).isEqualTo(OrderAction.NONE);
        assertThat(within.actionReason()).isEqualTo(ActionReason.NONE);
        // the ESZ26: short 9 held after two SELL 5, max 5: buy 4 back to the cap, never a third SELL 5
        Recommendation short9 = size(desk().prediction(lstm(Direction.SHORT, 0.7)).positions(-9));
        assertThat(short9.isTrade()).isTrue();
        assertThat(short9.targetContracts()).isEqualTo(-5);
        assertThat(short9.action()).isEqualTo(OrderAction.REDUCE);
        assertThat(short9.actionReason()).isEqualTo(ActionReason.LIMIT_BREACH);
        assertThat(short9.orderContracts()).isEqualTo(4);
        assertThat(short9.exposureAfterOrder()).isEqualTo(-5);
    }

    @Test
    void aReductionIsOfferedOnStalePredictionsButNeverOnStalePositions() {
        // predictions 120 s old: NO_TRADE; drawdown 35 % (cap 2) and holding 5 long → sell 3 (EMERGENCY)
        SizingInputs.Builder stale = desk().asOf(InputKind.LSTM_PREDICTION, NOW.minusSeconds(120))
                .account(account(65_000, 100_000)).positions(5);
        Recommendation r = size(stale);
        assertThat(r.reason()).isEqualTo(ReasonCode.STALE_INPUT);
        assertThat(r.action()).isEqualTo(OrderAction.REDUCE);
        assertThat(r.actionReason()).isEqualTo(ActionReason.EMERGENCY);
        assertThat(r.orderContracts()).isEqualTo(-3);
        assertThat(r.emergency()).isTrue();
        // the same, with positions 61 s old: no order at all
        Recommendation unknown = size(stale.asOf(InputKind.POSITIONS, NOW.minusSeconds(61)));
        assertThat(unknown.action()).isEqualTo(OrderAction.NONE);
        assertThat(unknown.orderContracts()).isZero();
        // and with the account unknown the cap is max_position_size 5: holding 5 is within it
        Recommendation noAccount = size(desk().asOf(InputKind.LSTM_PREDICTION, NOW.minusSeconds(120)).without(InputKind.ACCOUNT).positions(5));
        assertThat(noAccount.positionCapContracts()).isEqualTo(5);
        assertThat(noAccount.action()).isEqualTo(OrderAction.NONE);
    }

    // ------------------------------------------------------------------ steps 9 and 10: the other symbols

    @Test
    void thisSymbolsOwnExposureIsReplacedByTheTargetNotAdded() {
        // holding 3 NQ: open risk counts other symbols only (0 here), so the target stays 5
        Recommendation r = size(desk().positions(3));
        assertThat(r.openRiskCurrency().getAsDouble()).isZero();
        assertThat(r.contracts()).isEqualTo(5);
    }

    @Test
    void workingOrdersOfOtherSymbolsCountInTheOpenRisk() {
        // GC: held 2 long + working buy 2 = 4 at 3,000 each = 12,000 open; room 8,000 → floor(8,000 / 2,565) = 3
        Exposure gc = Exposure.priced("GCG27-COMEX", 2, 2, 3_000, 0.0);
        Recommendation r = size(desk().others(gc));
        assertThat(r.openRiskCurrency().getAsDouble()).isCloseTo(12_000, within(1e-9));
        assertThat(r.contracts()).isEqualTo(3);
    }

    @Test
    void anExposureWithoutAKnownRiskStopsNewTradesButNotReductions() {
        Exposure unpriced = new Exposure("CLF27-NYMEX", -1, 0, OptionalDouble.empty(), OptionalDouble.of(0.1));
        Recommendation r = size(desk().others(unpriced));
        assertThat(r.reason()).isEqualTo(ReasonCode.UNPRICED_EXPOSURE);
        assertThat(r.reasonDetail()).contains("CLF27-NYMEX");
        assertThat(r.action()).isEqualTo(OrderAction.NONE);
        // holding 7 NQ meanwhile: the reduction to 5 is still offered
        Recommendation reduce = size(desk().others(unpriced).positions(7));
        assertThat(reduce.action()).isEqualTo(OrderAction.REDUCE);
        assertThat(reduce.orderContracts()).isEqualTo(-2);
    }

    @Test
    void anUnknownCorrelationCountsAsOneOnTheSameSideAndIsNamed() {
        // ES long 1 at 14,000, ρ unknown: counted as |ρ| = 1 → 14,000 + n × 2,565 ≤ 15,000 → n = 0
        Exposure esLong = new Exposure("ESZ26-CME", 1, 0, OptionalDouble.of(14_000), OptionalDouble.empty());
        Recommendation r = size(desk().others(esLong));
        assertThat(r.reason()).isEqualTo(ReasonCode.CORRELATION_LIMIT);
        assertThat(r.unknownCorrelations()).containsExactly("ESZ26-CME");
        // ES short against an NQ long does not add to the same bet: only the portfolio cap binds,
        // floor((20,000 − 14,000) / 2,565) = 2
        Exposure esShort = new Exposure("ESZ26-CME", -1, 0, OptionalDouble.of(14_000), OptionalDouble.empty());
        Recommendation hedge = size(desk().others(esShort));
        assertThat(hedge.contracts()).isEqualTo(2);
        assertThat(hedge.unknownCorrelations()).containsExactly("ESZ26-CME");
    }

    @Test
    void theValidatorChecksTheEmergencyCap() {
        SizingInputs in = desk().account(account(100_000, 150_000)).build();
        RiskPerContract risk = new RiskPerContract(2_565, RiskPerContract.Source.ATR_STOP);
        assertThat(RiskValidator.check(in, DEFAULTS.settings(), DEFAULTS.settingsReport(), Direction.LONG, 3, risk))
                .hasValueSatisfying(rej -> assertThat(rej.detail()).contains("position cap of 2 (emergency)"));
        assertThat(RiskValidator.check(in, DEFAULTS.settings(), DEFAULTS.settingsReport(), Direction.LONG, 2, risk)).isEmpty();
    }

    // ------------------------------------------------------------------ working orders per symbol

    @Test
    void workingOrdersComeFromTheEngineAndFromDeskOrdersItDoesNotShowYet() {
        Instant t = NOW;
        EngineOrder partly = new EngineOrder("E-1", "kd-1", "NQZ26-CME", Direction.LONG, 4, 1, EngineOrder.Status.PARTIALLY_FILLED, t);
        EngineOrder filled = new EngineOrder("E-2", "kd-2", "ESZ26-CME", Direction.SHORT, 2, 2, EngineOrder.Status.FILLED, t);
        SentOrder seen = new SentOrder("kd-2", "ESZ26-CME", Direction.SHORT, 2, true);
        SentOrder unseen = new SentOrder("kd-3", "ESZ26-CME", Direction.SHORT, 1, true);
        SentOrder refused = new SentOrder("kd-4", "GCG27-COMEX", Direction.LONG, 3, false);
        // NQ: 4 − 1 = 3 unfilled buy; ES: the filled kd-2 is final, the unseen kd-3 sells 1 → −1; GC: refused, none
        assertThat(WorkingOrders.perSymbol(java.util.Optional.of(List.of(partly, filled)), List.of(seen, unseen, refused)))
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("NQZ26-CME", 3, "ESZ26-CME", -1));
        // without the engine's answer, every desk order not known final counts, whole: ES −2 − 1 = −3
        assertThat(WorkingOrders.perSymbol(java.util.Optional.empty(), List.of(seen, unseen, refused)))
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("ESZ26-CME", -3));
    }
}
