package io.kellydesk.feeds;

import io.kellydesk.tasks.Backoff;
import static org.assertj.core.api.Assertions.assertThat;

import io.kellydesk.core.Account;
import io.kellydesk.core.Bar;
import io.kellydesk.core.ClosedTrade;
import io.kellydesk.core.ModelId;
import io.kellydesk.core.Position;
import io.kellydesk.core.Prediction;
import io.kellydesk.core.Quote;
import io.kellydesk.core.ServiceHealth;
import io.kellydesk.core.ServiceState;
import io.kellydesk.core.ServicesSettings;
import io.kellydesk.core.UpstreamService;
import io.kellydesk.testing.Eventually;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The poller against four real loopback servers: independence, back-off, Retry-After, 401, circuit breaker. */
class FeedPollerTest {

    private static final String SYMBOL = "NQZ26-CME";
    private final Map<UpstreamService, MockWebServer> servers = new EnumMap<>(UpstreamService.class);
    private final Map<UpstreamService, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<UpstreamService, Function<RecordedRequest, MockResponse>> behaviour = new ConcurrentHashMap<>();
    private final List<ServiceHealth> healthEvents = new CopyOnWriteArrayList<>();
    private final List<String> targets = new CopyOnWriteArrayList<>();
    private FeedPoller poller;
    private UpstreamHttp http;

    @BeforeEach
    void startServers() throws IOException {
        for (UpstreamService service : UpstreamService.values()) {
            MockWebServer server = new MockWebServer();
            requests.put(service, new AtomicInteger());
            behaviour.put(service, this::healthy);
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    requests.get(service).incrementAndGet();
                    targets.add(service + " " + request.getTarget());
                    return behaviour.get(service).apply(request);
                }
            });
            server.start();
            servers.put(service, server);
        }
    }

    @AfterEach
    void stop() {
        if (poller != null) {
            poller.close();
        }
        if (http != null) {
            http.close();
        }
        servers.values().forEach(MockWebServer::close);
    }

    private MockResponse json(String body) {
        return new MockResponse.Builder().body(body).build();
    }

    private MockResponse healthy(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String now = Instant.now().toString();
        return switch (path) {
            case "/health" -> json("{\"status\": \"ok\"}");
            case "/predict" -> json("{\"symbol\": \"" + SYMBOL + "\", \"direction\": \"long\", \"confidence\": 0.7, \"timestamp\": \"" + now + "\"}");
            case "/quote" -> json("{\"symbol\": \"" + SYMBOL + "\", \"last\": 1, \"point_value\": 20, \"atr\": 80, \"timestamp\": \"" + now + "\"}");
            case "/symbols" -> json("{\"symbols\": [\"" + SYMBOL + "\"]}");
            case "/bars" -> json("{\"symbol\": \"" + SYMBOL + "\", \"interval\": \"1d\", \"bars\": []}");
            case "/account" -> json("{\"equity\": 1e5, \"peak_equity\": 1e5, \"timestamp\": \"" + now + "\"}");
            case "/positions" -> json("{\"positions\": []}");
            case "/trades" -> json("{\"trades\": []}");
            default -> new MockResponse.Builder().code(404).body("{\"error\": \"no such path\"}").build();
        };
    }

    private void startPoller(Duration interval, int failuresToOpen, Duration maxBackoff) {
        Map<UpstreamService, ServicesSettings.Endpoint> endpoints = new EnumMap<>(UpstreamService.class);
        servers.forEach((service, server) -> endpoints.put(service, new ServicesSettings.Endpoint(server.url("/").toString(), Optional.empty())));
        ServicesSettings settings = ServicesSettings.defaults().withEndpoints(endpoints)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(4))
                .withPollIntervals(interval, interval, interval, interval, interval)
                .withResilience(failuresToOpen, Duration.ofSeconds(30), maxBackoff);
        http = new UpstreamHttp(settings);
        poller = new FeedPoller(new UpstreamClient(http), settings, new RecordingListener(), Clock.systemUTC(), () -> 0.5,
                Duration.ofDays(30), 61);
        poller.start();
        poller.track(List.of(SYMBOL));
    }

    private int count(UpstreamService service) {
        return requests.get(service).get();
    }

    @Test
    void aSymbolHeldButNotListedGetsItsPricesAndHistoryPolledButNoPredictions() {
        startPoller(Duration.ofMillis(50), 5, Duration.ofSeconds(1));
        poller.trackExposure(java.util.Set.of("GCG27-COMEX"));
        Eventually.await(Duration.ofSeconds(3), "GC quote, trades and bars asked", () ->
                targets.stream().anyMatch(t -> t.startsWith("MARKET_DATA /quote?symbol=GCG27-COMEX"))
                        && targets.stream().anyMatch(t -> t.startsWith("MARKET_DATA /bars?symbol=GCG27-COMEX"))
                        && targets.stream().anyMatch(t -> t.startsWith("TRADING_ENGINE /trades?symbol=GCG27-COMEX")));
        assertThat(targets).noneMatch(t -> t.contains("/predict?symbol=GCG27-COMEX"));
        // orders are asked first, then positions, in each account poll
        int orders = targets.indexOf(targets.stream().filter(t -> t.startsWith("TRADING_ENGINE /orders?since=")).findFirst().orElseThrow());
        int positions = targets.indexOf(targets.stream().filter(t -> t.equals("TRADING_ENGINE /positions")).findFirst().orElseThrow());
        assertThat(orders).isLessThan(positions);
        // once GC is listed it is polled as any listed symbol, predictions included
        poller.track(List.of(SYMBOL, "GCG27-COMEX"));
        Eventually.await(Duration.ofSeconds(3), "GC predictions asked", () -> targets.stream().anyMatch(t -> t.contains("/predict?symbol=GCG27-COMEX")));
    }

    @Test
    void oneSymbolsFailingTradesBackOffThatSymbolOnlyAndLeaveTheBreakerClosed() {
        Function<RecordedRequest, MockResponse> healthy = this::healthy;
        behaviour.put(UpstreamService.TRADING_ENGINE, request -> {
            String target = request.getTarget();
            if (target.startsWith("/trades?symbol=NQZ26-CME")) {
                return new MockResponse.Builder().code(500).body("{\"error\": \"NQ history table locked\"}").build();
            }
            if (target.startsWith("/trades")) {
                return json("{\"trades\": []}");
            }
            return healthy.apply(request);
        });
        behaviour.put(UpstreamService.MARKET_DATA, request -> request.getTarget().equals("/symbols")
                ? json("{\"symbols\": [\"" + SYMBOL + "\", \"ESZ26-CME\"]}") : healthy.apply(request));
        startPoller(Duration.ofMillis(20), 5, Duration.ofMillis(400));
        poller.track(List.of(SYMBOL, "ESZ26-CME"));
        Eventually.await(Duration.ofSeconds(5), "40 ES trades answers", () -> targets.stream()
                .filter(t -> t.startsWith("TRADING_ENGINE /trades?symbol=ESZ26-CME")).count() >= 40,
                () -> poller.health(UpstreamService.TRADING_ENGINE) + " " + targets.stream().filter(t -> t.startsWith("TRADING")).map(t -> t.substring(0, Math.min(40, t.length()))).distinct().toList());
        long nq = targets.stream().filter(t -> t.startsWith("TRADING_ENGINE /trades?symbol=NQZ26-CME")).count();
        long es = targets.stream().filter(t -> t.startsWith("TRADING_ENGINE /trades?symbol=ESZ26-CME")).count();
        // NQ's failures back off NQ's requests alone (20 ms doubling to the 400 ms cap); ES goes on every 20 ms
        assertThat(nq).isGreaterThanOrEqualTo(5).isLessThan(es / 2);
        ServiceHealth te = poller.health(UpstreamService.TRADING_ENGINE);
        assertThat(te.circuit()).as("five NQ failures in a row did not open the service's breaker").isEqualTo(ServiceHealth.CircuitState.CLOSED);
        assertThat(te.state()).isNotEqualTo(ServiceState.DOWN);
        assertThat(te.failuresOf(SYMBOL)).singleElement().asString().contains("NQ history table locked");
    }

    @Test
    void fiveFailuresInARowOfOneSymbolWhileTheEngineServesAnotherDoNotOpenTheBreaker() {
        // ES's history is served at once the first time; every other engine answer takes 2 s; NQ's /trades answers 500
        // after 100 ms. So five NQ failures come in a row (20 ms doubling back-off) with no engine success between.
        java.util.concurrent.atomic.AtomicBoolean esServed = new java.util.concurrent.atomic.AtomicBoolean();
        behaviour.put(UpstreamService.MARKET_DATA, request -> request.getTarget().equals("/symbols")
                ? json("{\"symbols\": [\"" + SYMBOL + "\", \"ESZ26-CME\"]}") : healthy(request));
        behaviour.put(UpstreamService.TRADING_ENGINE, request -> {
            String target = request.getTarget();
            if (target.startsWith("/trades?symbol=NQZ26-CME")) {
                return new MockResponse.Builder().code(500).body("{\"error\": \"NQ locked\"}").headersDelay(100, TimeUnit.MILLISECONDS).build();
            }
            if (target.startsWith("/trades?symbol=ESZ26-CME") && esServed.compareAndSet(false, true)) {
                return json("{\"trades\": []}");
            }
            MockResponse slow = target.startsWith("/trades") ? json("{\"trades\": []}") : healthy(request);
            return slow.newBuilder().headersDelay(2, TimeUnit.SECONDS).build();
        });
        startPoller(Duration.ofMillis(20), 5, Duration.ofSeconds(1));
        poller.track(List.of(SYMBOL, "ESZ26-CME"));
        Eventually.await(Duration.ofSeconds(3), "five NQ failures", () -> targets.stream()
                .filter(t -> t.startsWith("TRADING_ENGINE /trades?symbol=NQZ26-CME")).count() >= 6);
        assertThat(poller.health(UpstreamService.TRADING_ENGINE).circuit()).isEqualTo(ServiceHealth.CircuitState.CLOSED);
    }

    @Test
    void aSlowServiceNeverDelaysTheOthers() {
        behaviour.put(UpstreamService.LSTM, request -> new MockResponse.Builder()
                .body("{\"status\": \"ok\"}").headersDelay(2, TimeUnit.SECONDS).build());
        startPoller(Duration.ofMillis(20), 5, Duration.ofSeconds(1));
        Eventually.await(Duration.ofSeconds(3), "20 market-data answers", () -> count(UpstreamService.MARKET_DATA) >= 20);
        // The LSTM's first answers (predict and health) are still on their way: 2 requests, no more.
        assertThat(count(UpstreamService.LSTM)).isLessThanOrEqualTo(2);
    }

    @Test
    void unauthorizedIsReportedAndNotRetriedInATightLoop() {
        behaviour.put(UpstreamService.ENSEMBLE, request -> new MockResponse.Builder().code(401).body("{\"error\": \"bad token\"}").build());
        startPoller(Duration.ofMillis(20), 50, Duration.ofSeconds(10));
        Eventually.await(Duration.ofSeconds(3), "ensemble reported as auth failed",
                () -> healthEvents.stream().anyMatch(h -> h.service() == UpstreamService.ENSEMBLE && h.state() == ServiceState.AUTH_FAILED));
        // predict and health are two jobs: each asks once, then the 10 s back-off holds it
        Eventually.await(Duration.ofSeconds(3), "predict and health each asked once", () -> count(UpstreamService.ENSEMBLE) >= 2);
        int quotesThen = count(UpstreamService.MARKET_DATA);
        Eventually.await(Duration.ofSeconds(3), "40 more quote polls", () -> count(UpstreamService.MARKET_DATA) >= quotesThen + 40);
        assertThat(count(UpstreamService.ENSEMBLE)).as("no retry while quotes went on every 20 ms").isEqualTo(2);
    }

    @Test
    void retryAfterIsHonoured() {
        behaviour.put(UpstreamService.LSTM, request -> new MockResponse.Builder().code(503).setHeader("Retry-After", "5")
                .body("{\"error\": \"warming up\"}").build());
        startPoller(Duration.ofMillis(20), 50, Duration.ofSeconds(30));
        Eventually.await(Duration.ofSeconds(3), "first LSTM answers", () -> count(UpstreamService.LSTM) >= 2);
        int afterFirst = count(UpstreamService.LSTM);
        Eventually.await(Duration.ofSeconds(3), "40 quote polls", () -> count(UpstreamService.MARKET_DATA) >= 40);
        assertThat(count(UpstreamService.LSTM)).isEqualTo(afterFirst);
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndRequestsStop() {
        behaviour.put(UpstreamService.TRADING_ENGINE, request -> new MockResponse.Builder().code(500).body("{\"error\": \"db down\"}").build());
        startPoller(Duration.ofMillis(20), 3, Duration.ofMillis(40));
        Eventually.await(Duration.ofSeconds(3), "trading engine shown down with an open circuit",
                () -> poller.health(UpstreamService.TRADING_ENGINE).circuit() == ServiceHealth.CircuitState.OPEN);
        // requests admitted just before it opened may still land: let 10 quote polls pass, then count
        int quotesAtOpen = count(UpstreamService.MARKET_DATA);
        Eventually.await(Duration.ofSeconds(3), "10 quote polls", () -> count(UpstreamService.MARKET_DATA) >= quotesAtOpen + 10);
        int settled = count(UpstreamService.TRADING_ENGINE);
        assertThat(settled).as("4 trading-engine jobs (account, positions, health, trades) at most").isLessThanOrEqualTo(3 + 4);
        Eventually.await(Duration.ofSeconds(3), "40 more quote polls", () -> count(UpstreamService.MARKET_DATA) >= quotesAtOpen + 50);
        assertThat(count(UpstreamService.TRADING_ENGINE)).as("no requests while open").isEqualTo(settled);
        ServiceHealth health = poller.health(UpstreamService.TRADING_ENGINE);
        assertThat(health.state()).isEqualTo(ServiceState.DOWN);
        assertThat(health.lastError()).hasValueSatisfying(e -> assertThat(e).contains("db down"));
        assertThat(healthEvents).anyMatch(h -> h.service() == UpstreamService.TRADING_ENGINE && h.state() == ServiceState.DOWN);
    }

    private final class RecordingListener implements FeedListener {
        @Override public void onSymbols(List<String> symbols) { }
        @Override public void onPrediction(ModelId model, String symbol, FeedResult<Prediction> result) { }
        @Override public void onQuote(String symbol, FeedResult<Quote> result) { }
        @Override public void onAccount(FeedResult<Account> result) { }
        @Override public void onPositions(FeedResult<List<Position>> result) { }
        @Override public void onOrders(FeedResult<List<io.kellydesk.core.EngineOrder>> result) { }
        @Override public void onTrades(String symbol, FeedResult<List<ClosedTrade>> result) { }
        @Override public void onBars(String symbol, FeedResult<List<Bar>> result) { }
        @Override public void onHealth(ServiceHealth health) {
            healthEvents.add(health);
        }
    }
}
