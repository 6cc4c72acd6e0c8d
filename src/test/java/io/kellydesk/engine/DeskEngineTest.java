package io.kellydesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.kellydesk.core.Account;
import io.kellydesk.core.ClosedTrade;
import io.kellydesk.core.Direction;
import io.kellydesk.core.ModelId;
import io.kellydesk.core.Prediction;
import io.kellydesk.core.Quote;
import io.kellydesk.core.ReasonCode;
import io.kellydesk.core.Recommendation;
import io.kellydesk.core.ServiceHealth;
import io.kellydesk.core.ServiceState;
import io.kellydesk.core.SizingContext;
import io.kellydesk.core.SizingSettings;
import io.kellydesk.core.UpstreamService;
import io.kellydesk.feeds.FeedFailure;
import io.kellydesk.feeds.FeedResult;
import io.kellydesk.tasks.DirectTaskExecutor;
import io.kellydesk.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pipeline with a same-thread executor and a hand-moved clock: every step is deterministic. */
class DeskEngineTest {

    private static final String NQ = "NQZ26-CME";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T14:30:00Z"));
    private final List<Recommendation> logged = new ArrayList<>();
    private final List<DeskEvent> events = new ArrayList<>();
    private final EventBus bus = new EventBus();
    private DeskEngine engine;

    @BeforeEach
    void setUp() {
        bus.subscribe(DeskEvent.class, events::add);
        engine = new DeskEngine(SizingContext.of(SizingSettings.defaults(), null), new DirectTaskExecutor(), bus, logged::add, clock);
        engine.onSymbols(List.of(NQ));
    }

    private static <T> FeedResult<T> ok(T value) {
        return new FeedResult.Ok<>(value, Duration.ofMillis(3));
    }

    private static <T> FeedResult<T> failed(FeedFailure.Kind kind, String message) {
        return new FeedResult.Failed<>(FeedFailure.of(kind, message), Duration.ofMillis(3));
    }

    private Prediction lstm(double confidence) {
        return new Prediction(ModelId.LSTM, NQ, Direction.LONG, confidence, Map.of(), "v1", clock.instant());
    }

    private Quote quote() {
        return new Quote(NQ, 23412.25, 23412, 23412.5, 0.25, 20, "USD", 85.5, 14, clock.instant());
    }

    /**
     * LSTM long 0.7 alone, b = 1 (a received, empty history): f* = 0.4, f = 0.2; equity 1,000,000 → 5 contracts
     * (capped); nothing held, no working orders.
     */
    private void feedTradableDesk() {
        engine.onAccount(ok(new Account("DESK-01", 1_000_000, 1_000_000, "USD", clock.instant())));
        engine.onPositions(ok(List.of()));
        engine.onOrders(ok(List.of()));
        engine.onTrades(NQ, ok(List.of()));
        engine.onQuote(NQ, ok(quote()));
        engine.onPrediction(ModelId.LSTM, NQ, ok(lstm(0.7)));
    }

    private Recommendation latest() {
        return engine.snapshot(NQ).orElseThrow().recommendation();
    }

    @Test
    void freshInputsGiveATradeAndEveryRecomputationIsLogged() {
        feedTradableDesk();
        Recommendation r = latest();
        assertThat(r.status()).isEqualTo(Recommendation.Status.TRADE);
        assertThat(r.contracts()).isEqualTo(5);
        assertThat(logged).last().isEqualTo(r);
        assertThat(events).anyMatch(e -> e instanceof DeskEvent.RecommendationChanged);
    }

    @Test
    void identicalInputsAreNeitherRecomputedNorRelogged() {
        feedTradableDesk();
        int before = logged.size();
        clock.advance(Duration.ofSeconds(1));
        // a new poll with the same model answer (re-stamped) and a new price tick: same size inputs
        engine.onPrediction(ModelId.LSTM, NQ, ok(lstm(0.7)));
        engine.onQuote(NQ, ok(new Quote(NQ, 23420, 23419.75, 23420.25, 0.25, 20, "USD", 85.5, 14, clock.instant())));
        engine.tick();
        assertThat(logged).hasSize(before);
        engine.onPrediction(ModelId.LSTM, NQ, ok(lstm(0.72)));
        assertThat(logged).hasSize(before + 1);
    }

    @Test
    void badDataKeepsTheLastGoodValueMarkedStaleThenFailsClosed() {
        feedTradableDesk();
        clock.advance(Duration.ofSeconds(20));
        engine.onPrediction(ModelId.LSTM, NQ, failed(FeedFailure.Kind.MALFORMED, "confidence must be in [0, 1], was 1.3"));
        engine.onQuote(NQ, ok(quote()));
        SymbolSnapshot snapshot = engine.snapshot(NQ).orElseThrow();
        // the last good prediction still stands, 20 s old, with the failure beside it
        assertThat(snapshot.prediction(io.kellydesk.core.ModelId.LSTM).ageAt(clock.instant())).contains(Duration.ofSeconds(20));
        assertThat(snapshot.prediction(io.kellydesk.core.ModelId.LSTM).lastError()).hasValueSatisfying(e -> assertThat(e).contains("1.3"));
        assertThat(latest().isTrade()).isTrue();

        clock.advance(Duration.ofSeconds(41)); // 61 s: older than max_prediction_age_s
        engine.onQuote(NQ, ok(quote()));
        engine.onAccount(ok(new Account("DESK-01", 1_000_000, 1_000_000, "USD", clock.instant())));
        engine.onPositions(ok(List.of()));
        engine.tick();
        Recommendation failedClosed = latest();
        assertThat(failedClosed.status()).isEqualTo(Recommendation.Status.NO_TRADE);
        assertThat(failedClosed.reason()).isEqualTo(ReasonCode.STALE_INPUT);
        assertThat(failedClosed.contracts()).isZero();
        assertThat(failedClosed.fullKellyFraction()).as("no number from stale data").isEmpty();
        assertThat(SymbolStatus.of(engine.snapshot(NQ).orElseThrow(), clock.instant()).kind()).isEqualTo(SymbolStatus.Kind.STALE);
    }

    @Test
    void aDeadMarketDataServiceStopsEverySize() {
        feedTradableDesk();
        engine.onHealth(new ServiceHealth(UpstreamService.MARKET_DATA, ServiceState.DOWN, "", "", 10, 0, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("CONNECTION: refused"), Optional.empty(), Optional.empty(),
                ServiceHealth.CircuitState.OPEN));
        assertThat(latest().reason()).isEqualTo(ReasonCode.SERVICE_DOWN);
        assertThat(latest().reasonDetail()).contains("Market data down");
        assertThat(events).anyMatch(e -> e instanceof DeskEvent.ServiceHealthChanged);
    }

    @Test
    void newSettingsResizeAtOnce() {
        feedTradableDesk();
        assertThat(latest().contracts()).isEqualTo(5);
        engine.updateSettings(SizingSettings.defaults().withMaxPositionSizeContracts(2));
        assertThat(latest().contracts()).isEqualTo(2);
        assertThat(latest().settingsVersion()).isEqualTo(SizingSettings.defaults().withMaxPositionSizeContracts(2).version());
    }

    @Test
    void crossingTheDrawdownTriggerRaisesAnEmergencyEventOnce() {
        feedTradableDesk();
        engine.onAccount(ok(new Account("DESK-01", 650_000, 1_000_000, "USD", clock.instant()))); // 35 % down
        engine.onAccount(ok(new Account("DESK-01", 640_000, 1_000_000, "USD", clock.instant())));
        assertThat(events.stream().filter(e -> e instanceof DeskEvent.EmergencyChanged).toList()).singleElement()
                .satisfies(e -> assertThat(((DeskEvent.EmergencyChanged) e).emergency()).isTrue());
        assertThat(latest().emergency()).isTrue();
    }

    @Test
    void tradesFeedThePayoffRatio() {
        feedTradableDesk();
        // 3 wins of +600/contract and 2 losses of −300: b_hist = 2; b = (5·2 + 20·1)/25 = 1.2
        List<ClosedTrade> trades = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Instant exit = clock.instant().minus(Duration.ofDays(i + 1));
            trades.add(new ClosedTrade("T" + i, NQ, Direction.LONG, 1, exit.minusSeconds(600), exit, 1, 1, i < 3 ? 600 : -300));
        }
        engine.onTrades(NQ, ok(trades));
        assertThat(latest().payoffRatio().getAsDouble()).isEqualTo(1.2, org.assertj.core.api.Assertions.within(1e-9));
    }

    /** {@code n} outcomes all at p_raw 0.7, three in four won: the isotonic map sends 0.7 to 0.75. */
    private static List<io.kellydesk.core.IsotonicCalibrator.Outcome> outcomes(int n) {
        List<io.kellydesk.core.IsotonicCalibrator.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            outcomes.add(new io.kellydesk.core.IsotonicCalibrator.Outcome(0.7, i % 4 < 3));
        }
        return outcomes;
    }

    @Test
    void aRefitThatChangesNoSizeReLogsNothing() {
        feedTradableDesk();
        int before = logged.size();
        // 150 outcomes: below calibration_min_outcomes (200), the fit is not applied, so no size can change
        engine.updateCalibration(io.kellydesk.core.IsotonicCalibrator.fit(outcomes(150)));
        engine.tick();
        assertThat(logged).hasSize(before);
        // 200: applied, p 0.7 → 0.75, so f* = (1·0.75 − 0.25)/1 = 0.5 and f = min(0.5 × 0.5, 0.25) = 0.25 (was 0.2)
        engine.updateCalibration(io.kellydesk.core.IsotonicCalibrator.fit(outcomes(200)));
        assertThat(logged).hasSize(before + 1);
        assertThat(latest().fractionUsed().getAsDouble()).isEqualTo(0.25, org.assertj.core.api.Assertions.within(1e-9));
        // the same outcomes refitted (a new object, the same map): nothing
        engine.updateCalibration(io.kellydesk.core.IsotonicCalibrator.fit(outcomes(200)));
        engine.tick();
        assertThat(logged).hasSize(before + 1);
    }

    @Test
    void symbolsOutsideTheActiveListAreNotSized() {
        engine.onPrediction(ModelId.LSTM, "ZZZ-NOWHERE", ok(lstm(0.9)));
        assertThat(engine.snapshot("ZZZ-NOWHERE")).isEmpty();
    }
}
