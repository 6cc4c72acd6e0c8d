package io.kellydesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.kellydesk.core.ServicesSettings;
import io.kellydesk.core.SizingContext;
import io.kellydesk.core.SizingSettings;
import io.kellydesk.core.UpstreamService;
import io.kellydesk.engine.DeskEngine;
import io.kellydesk.engine.EventBus;
import io.kellydesk.engine.SymbolSnapshot;
import io.kellydesk.feeds.FeedPoller;
import io.kellydesk.feeds.UpstreamClient;
import io.kellydesk.feeds.UpstreamHttp;
import io.kellydesk.tasks.PooledTaskExecutor;
import io.kellydesk.testing.Eventually;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Demo services → real HTTP → poller → engine: all eight symbols sized within three seconds of start. */
class DemoEndToEndTest {

    @Test
    void theDeskSizesAllEightSymbolsWithinThreeSecondsOfStart() throws Exception {
        Clock clock = Clock.systemUTC();
        try (DemoServices demo = DemoServices.start(DemoMarket.cmeEight(clock), 0)) {
            Map<UpstreamService, ServicesSettings.Endpoint> endpoints = new EnumMap<>(UpstreamService.class);
            demo.baseUrls().forEach((s, url) -> endpoints.put(s, new ServicesSettings.Endpoint(url, Optional.empty())));
            ServicesSettings settings = ServicesSettings.defaults().withEndpoints(endpoints);
            EventBus bus = new EventBus();
            Map<String, SymbolSnapshot> seen = new ConcurrentHashMap<>();
            bus.subscribe(io.kellydesk.engine.DeskEvent.RecommendationChanged.class, e -> seen.put(e.snapshot().symbol(), e.snapshot()));
            long start = System.nanoTime();
            try (UpstreamHttp http = new UpstreamHttp(settings);
                 DeskEngine engine = new DeskEngine(SizingContext.of(SizingSettings.defaults(), null),
                         new PooledTaskExecutor("kd-compute-test", 2), bus, r -> { }, clock);
                 FeedPoller poller = new FeedPoller(new UpstreamClient(http), settings, engine, clock, Math::random, Duration.ofDays(30), 61)) {
                poller.start();
                Eventually.await(Duration.ofSeconds(3), "all 8 symbols sized from both models, the quote and the account",
                        () -> DemoInstrument.CME_EIGHT.stream().allMatch(i -> sizedFromEverything(seen.get(i.symbol()))));
                double seconds = (System.nanoTime() - start) / 1e9;
                assertThat(seconds).isLessThan(3.0);
                List<SymbolSnapshot> all = engine.snapshots();
                assertThat(all).extracting(SymbolSnapshot::symbol).containsExactlyElementsOf(demo.market().symbols());
                // every recommendation is explained: a probability from both models, a payoff ratio from the demo's history
                assertThat(all).allSatisfy(s -> {
                    assertThat(s.recommendation().estimate()).hasValueSatisfying(e -> assertThat(e.modelsUsed()).isEqualTo(2));
                    assertThat(s.recommendation().inputs().account()).isPresent();
                });
            }
        }
    }

    private static boolean sizedFromEverything(SymbolSnapshot s) {
        return s != null && s.recommendation().estimate().map(e -> e.modelsUsed() == 2).orElse(false)
                && s.recommendation().inputs().account().isPresent() && s.recommendation().inputs().quote().isPresent();
    }

    @Test
    void theOrderIntakeIsIdempotentOnTheClientOrderId() throws Exception {
        try (DemoServices demo = DemoServices.start(DemoMarket.cmeEight(Clock.systemUTC()), 0)) {
            demo.fillDelay(Duration.ofMillis(20), Duration.ofMillis(60));
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            String url = demo.baseUrls().get(UpstreamService.TRADING_ENGINE) + "/orders";
            String order = "{\"client_order_id\": \"kd-1\", \"symbol\": \"NQZ26-CME\", \"side\": \"buy\", \"quantity\": 2, \"type\": \"market\"}";
            var first = client.send(post(url, order), java.net.http.HttpResponse.BodyHandlers.ofString());
            var again = client.send(post(url, order), java.net.http.HttpResponse.BodyHandlers.ofString());
            var changed = client.send(post(url, order.replace("\"quantity\": 2", "\"quantity\": 3")), java.net.http.HttpResponse.BodyHandlers.ofString());
            var tooBig = client.send(post(url, order.replace("kd-1", "kd-2").replace("\"quantity\": 2", "\"quantity\": 500")),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(first.statusCode()).isEqualTo(201);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.body()).isEqualTo(first.body());
            assertThat(changed.statusCode()).isEqualTo(409);
            assertThat(tooBig.statusCode()).isEqualTo(422);
            assertThat(tooBig.body()).contains("\"status\":\"rejected\"");
            // the one order fills after its short delay: NQ long 2, once, however often it was sent
            io.kellydesk.testing.Eventually.await(Duration.ofSeconds(5), "NQ filled", () -> demo.market().positions().stream()
                    .anyMatch(p -> p.symbol().equals("NQZ26-CME") && p.contracts() == 2));
            assertThat(demo.workingOrderCount()).isZero();
        }
    }

    private static java.net.http.HttpRequest post(String url, String body) {
        return java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
