package io.kellydesk.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kellydesk.core.DeskPreferences;
import io.kellydesk.core.HandoffTarget;
import io.kellydesk.core.ServicesSettings;
import io.kellydesk.core.UpstreamService;
import io.kellydesk.feeds.EngineOrderGateway;
import io.kellydesk.feeds.UpstreamHttp;
import io.kellydesk.store.DecisionLog;
import io.kellydesk.store.HandoffLogJournal;
import io.kellydesk.store.StorageAlarm;
import io.kellydesk.tasks.Backoff;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.kellydesk.core.OrderTicket;
import io.kellydesk.core.OrderSide;
import io.kellydesk.core.OrderType;
import io.kellydesk.core.TimeInForce;
import io.kellydesk.core.HandoffStatus;
import io.kellydesk.core.HandoffRecord;
import io.kellydesk.core.HandoffRefused;

/** Handoffs over real HTTP on loopback (MockWebServer) into a real decision log file. */
class HandoffServiceTest {

    private static final String ACCEPTED = "{\"order_id\": \"E-88812\", \"client_order_id\": \"x\", \"status\": \"accepted\"}";

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private final Clock clock = Clock.systemUTC();
    private final List<HandoffRecord> changes = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> open = new ArrayList<>();
    private DecisionLog log;
    private UpstreamHttp http;
    private DeskPreferences preferences = DeskPreferences.defaults();

    @BeforeEach
    void start() throws Exception {
        server.start();
        connect(server.url("/").toString());
        log = DecisionLog.open(dir.resolve("data"), clock, StorageAlarm.NONE);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
        http.close();
        log.close();
        server.close();
    }

    private void connect(String engineUrl) {
        if (http != null) {
            http.close();
        }
        // read timeout 300 ms: a slower answer is a timeout, resent with the same id
        http = new UpstreamHttp(ServicesSettings.defaults()
                .withEndpoints(Map.of(UpstreamService.TRADING_ENGINE, new ServicesSettings.Endpoint(engineUrl, Optional.of("t0k3n"))))
                .withTimeouts(Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofSeconds(1)));
    }

    /** The test owns the scheduler, as the desk's thread owner does: the service never shuts it down. */
    private java.util.concurrent.ScheduledExecutorService scheduler(int threads) {
        java.util.concurrent.ScheduledExecutorService pool = Executors.newScheduledThreadPool(threads);
        open.add(pool::shutdownNow);
        return pool;
    }

    private HandoffService service(DecisionLog onLog) {
        HandoffService service = new HandoffService(new EngineOrderGateway(() -> http), new HandoffLogJournal(onLog),
                ticket -> Optional.empty(), clock, scheduler(2), () -> preferences,
                new Backoff(Duration.ofSeconds(2), () -> 0.5), changes::add, "trader1");
        open.add(service);
        return service;
    }

    /** NQ, buy 2 of 3 recommended, market, day; Kelly 8.2 %, p 0.61, confidence 0.70 (the contract's example). */
    static OrderTicket ticket() {
        // flat, target long 3 (3 × 1,250 = 3,750 of 250,000 equity: 1.5 % at risk); the trader lowered the add to 2
        return new OrderTicket("NQZ26-CME", OrderSide.BUY, 2, 3, OrderType.MARKET, OptionalDouble.empty(), TimeInForce.DAY,
                io.kellydesk.core.OrderAction.ADD, 0, 0, 3, 0.082, 0.015, 0.61, 0.70, false, 1_250.0, "USD", OptionalDouble.of(0.012),
                "abc123", Instant.parse("2026-11-23T14:30:00Z"));
    }

    private static JsonNode json(RecordedRequest request) throws Exception {
        return JsonMapper.builder().build().readTree(request.getBody().utf8());
    }

    private String statusInFile(String clientOrderId) throws Exception {
        return log.queries().handoffs(Instant.EPOCH).stream().filter(h -> h.clientOrderId().equals(clientOrderId))
                .findFirst().orElseThrow().status();
    }

    @Test
    void anAcceptedOrderIsRecordedBeforeItIsSentAndEveryStateIsLogged() throws Exception {
        server.enqueue(new MockResponse.Builder().code(201).body(ACCEPTED).build());
        HandoffRecord done = service(log).handOff(ticket()).get(10, TimeUnit.SECONDS);

        assertThat(done.status()).isEqualTo(HandoffStatus.ACCEPTED);
        assertThat(done.engineOrderId()).contains("E-88812");
        RecordedRequest request = server.takeRequest();
        assertThat(request.getTarget()).isEqualTo("/orders");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer t0k3n");
        JsonNode body = json(request);
        assertThat(body.get("client_order_id").asText()).isEqualTo(done.clientOrderId()).matches("kd-\\d{8}-\\d{6}-NQZ26-[0-9a-f]{8}");
        assertThat(body.get("symbol").asText()).isEqualTo("NQZ26-CME");
        assertThat(body.get("side").asText()).isEqualTo("buy");
        assertThat(body.get("quantity").asInt()).isEqualTo(2);
        assertThat(body.get("type").asText()).isEqualTo("market");
        assertThat(body.get("limit_price").isNull()).isTrue();
        assertThat(body.get("time_in_force").asText()).isEqualTo("day");
        assertThat(body.at("/metadata/kelly_fraction").asDouble()).isEqualTo(0.082);
        assertThat(body.at("/metadata/strategy").asText()).isEqualTo("kelly_criterion");
        // the listener saw PENDING (recorded, not yet sent) before SENDING and ACCEPTED
        assertThat(changes).extracting(HandoffRecord::status).containsSubsequence(HandoffStatus.PENDING, HandoffStatus.SENDING, HandoffStatus.ACCEPTED);
        assertThat(statusInFile(done.clientOrderId())).isEqualTo("ACCEPTED");
        assertThat(log.queries().handoffs(Instant.EPOCH).getFirst().engineOrderId()).isEqualTo("E-88812");
        assertThat(log.queries().count("handoff_events")).as("created, sending, accepted").isEqualTo(3);
    }

    @Test
    void rejectionsKeepTheEnginesReasonAndAreNotRetried() throws Exception {
        server.enqueue(new MockResponse.Builder().code(422).body("{\"error\": \"outside trading hours\", \"status\": \"rejected\"}").build());
        HandoffRecord rejected = service(log).handOff(ticket()).get(10, TimeUnit.SECONDS);
        assertThat(rejected.status()).isEqualTo(HandoffStatus.REJECTED);
        assertThat(rejected.detail().orElseThrow()).contains("422").contains("outside trading hours");

        server.enqueue(new MockResponse.Builder().code(409).body("{\"error\": \"client_order_id used with a different order\"}").build());
        HandoffRecord conflict = service(log).handOff(ticket()).get(10, TimeUnit.SECONDS);
        assertThat(conflict.status()).isEqualTo(HandoffStatus.REJECTED);
        assertThat(conflict.detail().orElseThrow()).contains("409").contains("different order");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(statusInFile(conflict.clientOrderId())).isEqualTo("REJECTED");
    }

    @Test
    void anAuthenticationFailureIsReportedAndNotRetried() throws Exception {
        server.enqueue(new MockResponse.Builder().code(401).body("{\"error\": \"bad token\"}").build());
        HandoffRecord failed = service(log).handOff(ticket()).get(10, TimeUnit.SECONDS);
        assertThat(failed.status()).isEqualTo(HandoffStatus.AUTH_FAILED);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aTimeoutIsResentWithTheSameIdAndBodyUntilAccepted() throws Exception {
        // first answer comes after 2 s, past the 300 ms read timeout; the resend is answered at once
        server.enqueue(new MockResponse.Builder().code(201).body(ACCEPTED).headersDelay(2, TimeUnit.SECONDS).build());
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "0").body("{\"error\": \"busy\"}").build());
        server.enqueue(new MockResponse.Builder().code(200).body(ACCEPTED).build());
        HandoffRecord done = service(log).handOff(ticket()).get(10, TimeUnit.SECONDS);

        assertThat(done.status()).isEqualTo(HandoffStatus.ACCEPTED);
        int seen = server.getRequestCount();
        assertThat(seen).as("the engine saw it at most 3 times").isEqualTo(3);
        Set<String> ids = new HashSet<>();
        Set<String> bodies = new HashSet<>();
        for (int i = 0; i < seen; i++) {
            RecordedRequest request = server.takeRequest();
            ids.add(json(request).get("client_order_id").asText());
            bodies.add(request.getBody().utf8());
        }
        assertThat(ids).as("exactly one distinct client order id").containsExactly(done.clientOrderId());
        assertThat(bodies).as("the same body each time").hasSize(1);
    }

    @Test
    void aRefusedConnectionIsRetriedUntilTheGiveUpTimeThenFailsWithTheTicketKept() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        connect("http://127.0.0.1:" + closedPort);
        preferences = new DeskPreferences(List.of(), 1, "dark", HandoffTarget.ENGINE, "", false, 2, 120);
        HandoffService service = service(log);
        HandoffRecord failed = service.handOff(ticket()).get(10, TimeUnit.SECONDS);
        assertThat(failed.status()).isEqualTo(HandoffStatus.FAILED);
        // delays 250, 500, 1000 ms (base 250 ms doubled, jitter factor 1 at random 0.5): 4 tries fit in 2 s
        assertThat(failed.detail().orElseThrow()).contains("no answer after 4 tries in 2 s").contains("connection");
        assertThat(statusInFile(failed.clientOrderId())).isEqualTo("FAILED");

        // the ticket is kept: a manual retry first asks the engine (404: never received), then resends the same id
        connect(server.url("/").toString());
        server.enqueue(new MockResponse.Builder().code(404).body("{\"error\": \"unknown client_order_id\"}").build());
        server.enqueue(new MockResponse.Builder().code(201).body(ACCEPTED).build());
        HandoffRecord retried = service.retry(failed.clientOrderId()).get(10, TimeUnit.SECONDS);
        assertThat(retried.status()).isEqualTo(HandoffStatus.ACCEPTED);
        RecordedRequest lookup = server.takeRequest();
        assertThat(lookup.getMethod()).isEqualTo("GET");
        assertThat(lookup.getUrl().encodedPath()).isEqualTo("/orders/" + failed.clientOrderId());
        assertThat(json(server.takeRequest()).get("client_order_id").asText()).isEqualTo(failed.clientOrderId());
    }

    @Test
    void aSecondClickWhileOneIsInFlightSendsNothing() throws Exception {
        server.enqueue(new MockResponse.Builder().code(201).body(ACCEPTED).headersDelay(200, TimeUnit.MILLISECONDS).build());
        HandoffService service = service(log);
        CompletableFuture<HandoffRecord> first = service.handOff(ticket());
        CompletableFuture<HandoffRecord> second = service.handOff(ticket());
        assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(HandoffRefused.class).hasMessageContaining("already in flight");
        assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(HandoffStatus.ACCEPTED);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(log.queries().count("handoffs")).isEqualTo(1);
    }

    @Test
    void aRestartResumesAnInFlightHandoffWithItsOwnId() throws Exception {
        // the last run recorded the handoff, then died before any answer
        String id = "kd-20261123-143000-NQZ26-0badf00d";
        new HandoffLogJournal(log).created(new HandoffRecord(id, "NQZ26-CME", OrderSide.BUY, 2, HandoffTarget.ENGINE,
                TicketFormats.requestJson(ticket(), id), HandoffStatus.PENDING, Optional.empty(), Optional.empty(), "trader1",
                clock.instant(), clock.instant()));
        log.close();
        log = DecisionLog.open(dir.resolve("data"), clock, StorageAlarm.NONE);

        // asked first: the engine never got it (404); young enough, so it is resent with its own id
        server.enqueue(new MockResponse.Builder().code(404).body("{\"error\": \"unknown\"}").build());
        server.enqueue(new MockResponse.Builder().code(200).body(ACCEPTED).build());
        service(log).resumeUnfinished();
        assertThat(server.takeRequest(10, TimeUnit.SECONDS).getMethod()).isEqualTo("GET");
        RecordedRequest resent = server.takeRequest(10, TimeUnit.SECONDS);
        assertThat(json(resent).get("client_order_id").asText()).isEqualTo(id);
        io.kellydesk.testing.Eventually.await(Duration.ofSeconds(10), "accepted in the file", () -> {
            try {
                return statusInFile(id).equals("ACCEPTED");
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void anOldInFlightHandoffIsShownForTheTraderNotResentBlindly() throws Exception {
        String id = "kd-20261122-090000-NQZ26-00c0ffee";
        Instant yesterday = clock.instant().minus(Duration.ofDays(1));
        new HandoffLogJournal(log).created(new HandoffRecord(id, "NQZ26-CME", OrderSide.BUY, 2, HandoffTarget.ENGINE,
                TicketFormats.requestJson(ticket(), id), HandoffStatus.SENDING, Optional.empty(), Optional.empty(), "trader1",
                yesterday, yesterday));
        // the engine cannot be asked (503): nothing is known, nothing is resent
        server.enqueue(new MockResponse.Builder().code(503).body("{\"error\": \"warming up\"}").build());
        HandoffService service = service(log);
        service.resumeUnfinished();
        io.kellydesk.testing.Eventually.await(Duration.ofSeconds(10), "unresolved in the file", () -> {
            try {
                return statusInFile(id).equals("UNRESOLVED");
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(server.getRequestCount()).as("the look-up only").isEqualTo(1);
        assertThat(server.takeRequest().getMethod()).isEqualTo("GET");
        assertThat(service.known()).singleElement().satisfies(h -> assertThat(h.detail().orElseThrow()).contains("Retry (same id) or Dismiss"));
    }

    @Test
    void aClipboardHandoffGivesThePlainLineAndTheFixMessage() throws Exception {
        preferences = new DeskPreferences(List.of(), 1, "dark", HandoffTarget.CLIPBOARD, "", false, 30, 120);
        HandoffRecord copied = service(log).handOff(ticket()).get(10, TimeUnit.SECONDS);
        assertThat(copied.status()).isEqualTo(HandoffStatus.COPIED);
        String text = copied.detail().orElseThrow();
        assertThat(text).startsWith("BUY 2 NQZ26-CME MKT DAY · id " + copied.clientOrderId());
        assertThat(text).contains("|35=D|").contains("|11=" + copied.clientOrderId() + "|");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aFolderHandoffWritesTheRequestAtomically() throws Exception {
        Path folder = dir.resolve("outbox");
        preferences = new DeskPreferences(List.of(), 1, "dark", HandoffTarget.FOLDER, folder.toString(), false, 30, 120);
        HandoffRecord written = service(log).handOff(ticket()).get(10, TimeUnit.SECONDS);
        assertThat(written.status()).isEqualTo(HandoffStatus.WRITTEN);
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly(written.clientOrderId() + ".json");
        }
        assertThat(Files.readString(folder.resolve(written.clientOrderId() + ".json"))).isEqualTo(written.requestJson());
    }

    @Test
    void aRefusedRevalidationSendsNothingAndRecordsNothing() throws Exception {
        HandoffService service = new HandoffService(new EngineOrderGateway(() -> http), new HandoffLogJournal(log),
                ticket -> Optional.of("NQZ26-CME is now 1 contract (was 3): review the new size"), clock,
                scheduler(1), () -> preferences, new Backoff(Duration.ofSeconds(2), () -> 0.5),
                changes::add, "trader1");
        open.add(service);
        assertThatThrownBy(() -> service.handOff(ticket()).get(10, TimeUnit.SECONDS)).hasMessageContaining("now 1 contract");
        assertThat(server.getRequestCount()).isZero();
        assertThat(log.queries().count("handoffs")).isZero();
    }

    @Test
    void theQuantityCanBeLoweredButNeverRaisedAboveTheRecommendation() {
        OrderTicket t = ticket();
        assertThat(t.withQuantity(1).capitalAtRiskCurrency()).as("1 of 2 contracts at 1,250 each").isEqualTo(1_250.0);
        assertThatThrownBy(() -> t.withQuantity(4)).hasMessageContaining("above the recommended 3 contracts");
        assertThatThrownBy(() -> t.withQuantity(0)).hasMessageContaining("at least 1 contract");
        assertThatThrownBy(() -> t.withType(OrderType.LIMIT, OptionalDouble.empty())).hasMessageContaining("limit price");
    }
}
