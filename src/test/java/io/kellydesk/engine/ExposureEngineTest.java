package io.kellydesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.kellydesk.core.Account;
import io.kellydesk.core.ActionReason;
import io.kellydesk.core.Direction;
import io.kellydesk.core.EngineOrder;
import io.kellydesk.core.InputKind;
import io.kellydesk.core.ModelId;
import io.kellydesk.core.OrderAction;
import io.kellydesk.core.Position;
import io.kellydesk.core.Prediction;
import io.kellydesk.core.Quote;
import io.kellydesk.core.ReasonCode;
import io.kellydesk.core.Recommendation;
import io.kellydesk.core.SentOrder;
import io.kellydesk.core.SizingContext;
import io.kellydesk.core.SizingSettings;
import io.kellydesk.feeds.FeedFailure;
import io.kellydesk.feeds.FeedResult;
import io.kellydesk.tasks.DirectTaskExecutor;
import io.kellydesk.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's side of spec steps 0, 9 and 12: what it passes the sizer about held and working exposure, and the
 * age of each input, on a same-thread executor and a hand-moved clock.
 *
 * <p>Desk: NQ and ES listed; LSTM long 0.7 on NQ, b = 1 (empty history), equity 1,000,000 → f 0.2,
 * floor(200,000 / 2,565) → capped at 5: target long 5.
 */
class ExposureEngineTest {

    private static final String NQ = "NQZ26-CME";
    private static final String ES = "ESZ26-CME";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T14:30:00Z"));
    private final List<Recommendation> logged = new ArrayList<>();
    private final List<Set<String>> exposed = new ArrayList<>();
    private DeskEngine engine;

    @BeforeEach
    void setUp() {
        engine = new DeskEngine(SizingContext.of(SizingSettings.defaults(), null), new DirectTaskExecutor(), new EventBus(),
                logged::add, clock);
        engine.onExposureSymbols(exposed::add);
        engine.onSymbols(List.of(NQ, ES));
    }

    private static <T> FeedResult<T> ok(T value) {
        return new FeedResult.Ok<>(value, Duration.ofMillis(3));
    }

    private Quote quote(String symbol) {
        return new Quote(symbol, 100, 100, 100, 0.25, 20, "USD", 85.5, 14, clock.instant());
    }

    private void feedNq() {
        engine.onAccount(ok(new Account("DESK-01", 1_000_000, 1_000_000, "USD", clock.instant())));
        engine.onTrades(NQ, ok(List.of()));
        engine.onQuote(NQ, ok(quote(NQ)));
        engine.onPrediction(ModelId.LSTM, NQ, ok(new Prediction(ModelId.LSTM, NQ, Direction.LONG, 0.7, Map.of(), "v", clock.instant())));
    }

    private Recommendation nq() {
        return engine.snapshot(NQ).orElseThrow().recommendation();
    }

    @Test
    void noTradeBeforeThePositionsArrivedThenATargetFromWhatIsHeld() {
        feedNq();
        assertThat(nq().reason()).isEqualTo(ReasonCode.NO_POSITIONS);
        assertThat(logged).noneMatch(Recommendation::isTrade);
        engine.onPositions(ok(List.of(new Position(NQ, 3, Direction.LONG, 100))));
        assertThat(nq().isTrade()).isTrue();
        assertThat(nq().heldContracts()).isEqualTo(3);
        assertThat(nq().orderContracts()).as("target 5 − held 3").isEqualTo(2);
    }

    @Test
    void theEnginesWorkingOrdersAndTheDesksOwnUnseenHandoffsCountAsWorking() {
        feedNq();
        engine.onPositions(ok(List.of()));
        // the engine shows a buy 4 NQ with 1 filled (3 working); the desk sent another buy 1 the engine does not list yet
        engine.onOrders(ok(List.of(new EngineOrder("E-1", "kd-1", NQ, Direction.LONG, 4, 1, EngineOrder.Status.PARTIALLY_FILLED, clock.instant()))));
        engine.onHandoff(new SentOrder("kd-2", NQ, Direction.LONG, 1, true), clock.instant());
        assertThat(nq().workingContracts()).isEqualTo(4);
        assertThat(nq().orderContracts()).as("target 5 − working 4").isEqualTo(1);
        // once the engine lists kd-2 as filled (and the position shows it), it no longer counts as working
        engine.onOrders(ok(List.of(new EngineOrder("E-1", "kd-1", NQ, Direction.LONG, 4, 1, EngineOrder.Status.PARTIALLY_FILLED, clock.instant()),
                new EngineOrder("E-2", "kd-2", NQ, Direction.LONG, 1, 1, EngineOrder.Status.FILLED, clock.instant()))));
        engine.onPositions(ok(List.of(new Position(NQ, 2, Direction.LONG, 100))));
        assertThat(nq().workingContracts()).isEqualTo(3);
        assertThat(nq().heldContracts()).isEqualTo(2);
        assertThat(nq().actionReason()).isEqualTo(ActionReason.AT_TARGET);
    }

    @Test
    void whenTheOrdersAnswerAgesEveryUnsettledDeskHandoffCountsWhole() {
        feedNq();
        engine.onPositions(ok(List.of()));
        engine.onOrders(ok(List.of()));
        engine.onHandoff(new SentOrder("kd-1", NQ, Direction.LONG, 2, true), clock.instant());
        engine.onHandoff(new SentOrder("kd-2", NQ, Direction.LONG, 5, false), clock.instant()); // the engine refused it
        assertThat(nq().workingContracts()).isEqualTo(2);
        // 61 s on, with everything else re-polled but /orders failing: its answer is stale; the desk's count stands
        clock.advance(Duration.ofSeconds(61));
        engine.onOrders(new FeedResult.Failed<>(FeedFailure.of(FeedFailure.Kind.TIMEOUT, "timeout"), Duration.ZERO));
        feedNq();
        engine.onPositions(ok(List.of()));
        engine.tick();
        assertThat(nq().staleInputs()).containsExactly(InputKind.WORKING_ORDERS);
        assertThat(nq().workingContracts()).isEqualTo(2);
        assertThat(nq().isTrade()).isTrue();
    }

    @Test
    void aHeldSymbolOutsideTheListIsPolledShownAndReducedAndItsRiskCounts() {
        feedNq();
        // GC is held (7 long) but not in the symbol list: the poller is told, the desk shows it
        engine.onPositions(ok(List.of(new Position("GCG27-COMEX", 7, Direction.LONG, 2_000))));
        assertThat(exposed).last().isEqualTo(Set.of("GCG27-COMEX"));
        assertThat(engine.activeSymbols()).containsExactly(NQ, ES, "GCG27-COMEX");
        // without a quote or history GC's risk is unknown: NQ may not add (UNPRICED_EXPOSURE)
        assertThat(nq().reason()).isEqualTo(ReasonCode.UNPRICED_EXPOSURE);
        assertThat(nq().reasonDetail()).contains("GCG27-COMEX");
        // GC's quote arrives, ATR 10: 1.5 × 10 × 20 = 300 per contract, 7 × 300 = 2,100 open risk. NQ trades again:
        // portfolio 2,100 + 5 × 2,565 = 14,925 ≤ 20,000; GC's ρ is unknown (no bars), it is long like NQ, so it counts
        // as ρ = 1: 12,825 + 2,100 = 14,925 ≤ 15,000
        engine.onQuote("GCG27-COMEX", ok(new Quote("GCG27-COMEX", 2_000, 2_000, 2_000, 0.1, 20, "USD", 10, 14, clock.instant())));
        assertThat(nq().isTrade()).isTrue();
        assertThat(nq().openRiskCurrency().getAsDouble()).isEqualTo(2_100.0);
        assertThat(nq().unknownCorrelations()).containsExactly("GCG27-COMEX");
        // and GC itself, with no prediction, offers the reduction to max_position_size 5: sell 2
        Recommendation gc = engine.snapshot("GCG27-COMEX").orElseThrow().recommendation();
        assertThat(gc.reason()).isEqualTo(ReasonCode.NO_PREDICTION);
        assertThat(gc.action()).isEqualTo(OrderAction.REDUCE);
        assertThat(gc.orderContracts()).isEqualTo(-2);
    }

    @Test
    void loweringTheMaxPositionBelowWhatIsHeldOffersReductionsAtOnce() {
        feedNq();
        engine.onPositions(ok(List.of(new Position(NQ, 5, Direction.LONG, 100))));
        assertThat(nq().actionReason()).isEqualTo(ActionReason.AT_TARGET);
        engine.updateSettings(SizingSettings.defaults().withMaxPositionSizeContracts(3));
        assertThat(nq().action()).isEqualTo(OrderAction.REDUCE);
        assertThat(nq().actionReason()).isEqualTo(ActionReason.LIMIT_BREACH);
        assertThat(nq().orderContracts()).isEqualTo(-2);
    }

    @Test
    void aHistoryThatStopsAnsweringAgesOutAndAConfirmedOneDoesNot() {
        feedNq();
        engine.onPositions(ok(List.of()));
        assertThat(nq().isTrade()).isTrue();
        // 590 s later the same history is confirmed (byte for byte): its age restarts
        clock.advance(Duration.ofSeconds(590));
        engine.onTrades(NQ, ok(List.of()));
        clock.advance(Duration.ofSeconds(20));
        feedNqButTrades();
        assertThat(nq().isTrade()).as("history 20 s old").isTrue();
        // then /trades fails for 601 s: the history is stale and NQ stops
        clock.advance(Duration.ofSeconds(581));
        engine.onTrades(NQ, new FeedResult.Failed<>(FeedFailure.of(FeedFailure.Kind.SERVER_ERROR, "500"), Duration.ZERO));
        feedNqButTrades();
        Recommendation r = nq();
        assertThat(r.reason()).isEqualTo(ReasonCode.STALE_INPUT);
        assertThat(r.reasonDetail()).isEqualTo("trade history 601 s old (limit 600 s)");
    }

    private void feedNqButTrades() {
        engine.onAccount(ok(new Account("DESK-01", 1_000_000, 1_000_000, "USD", clock.instant())));
        engine.onPositions(ok(List.of()));
        engine.onQuote(NQ, ok(quote(NQ)));
        engine.onPrediction(ModelId.LSTM, NQ, ok(new Prediction(ModelId.LSTM, NQ, Direction.LONG, 0.7, Map.of(), "v", clock.instant())));
        engine.tick();
    }
}
