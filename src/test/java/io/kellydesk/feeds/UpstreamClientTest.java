package io.kellydesk.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.kellydesk.core.Direction;
import io.kellydesk.core.ModelId;
import io.kellydesk.core.Prediction;
import io.kellydesk.core.ServicesSettings;
import io.kellydesk.core.UpstreamService;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every misbehaviour of the contract, over real HTTP on loopback: each one a typed failure, never a number. */
class UpstreamClientTest {

    private static final String GOOD_LSTM = """
            {"symbol": "NQZ26-CME", "direction": "long", "confidence": 0.73, "price_target": 23500.0,
             "horizon_minutes": 30, "model_version": "lstm-2026.11.2", "timestamp": "2026-11-23T14:30:00.125Z",
             "a_field_added_next_year": {"nested": [1, 2]}}""";

    private MockWebServer server;
    private UpstreamHttp http;
    private UpstreamClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        connect(Optional.empty(), server.url("/").toString());
    }

    private void connect(Optional<String> token, String baseUrl) {
        if (http != null) {
            http.close();
        }
        Map<UpstreamService, ServicesSettings.Endpoint> endpoints = new EnumMap<>(UpstreamService.class);
        for (UpstreamService service : UpstreamService.values()) {
            endpoints.put(service, new ServicesSettings.Endpoint(baseUrl, token));
        }
        http = new UpstreamHttp(ServicesSettings.defaults().withEndpoints(endpoints)
                .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(300), Duration.ofSeconds(2)));
        client = new UpstreamClient(http);
    }

    @AfterEach
    void stop() {
        http.close();
        server.close();
    }

    private void answer(int code, String body) {
        server.enqueue(new MockResponse.Builder().code(code).body(body).build());
    }

    private FeedFailure failureOf(FeedResult<?> result) {
        assertThat(result).isInstanceOf(FeedResult.Failed.class);
        return ((FeedResult.Failed<?>) result).failure();
    }

    private FeedFailure lstmFailure() {
        return failureOf(client.prediction(ModelId.LSTM, "NQZ26-CME"));
    }

    @Test
    void aGoodAnswerParsesAndUnknownFieldsAreIgnored() throws Exception {
        answer(200, GOOD_LSTM);
        FeedResult<Prediction> result = client.prediction(ModelId.LSTM, "NQZ26-CME");
        Prediction p = ((FeedResult.Ok<Prediction>) result).value();
        assertThat(p.direction()).isEqualTo(Direction.LONG);
        assertThat(p.confidence()).isEqualTo(0.73);
        assertThat(p.modelVersion()).isEqualTo("lstm-2026.11.2");
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getTarget()).isEqualTo("/predict?symbol=NQZ26-CME");
        assertThat(request.getHeaders().get("Authorization")).isNull();
    }

    @Test
    void theEnsembleConfidenceComesWithItsMembers() {
        answer(200, """
                {"symbol": "NQZ26-CME", "direction": "short", "confidence": 0.68,
                 "individual_models": {"xgboost": 0.71, "lightgbm": 0.66, "random_forest": 0.64, "catboost": 0.70},
                 "consensus_strength": 0.75, "timestamp": "2026-11-23T14:30:00.090Z"}""");
        Prediction p = ((FeedResult.Ok<Prediction>) client.prediction(ModelId.ENSEMBLE, "NQZ26-CME")).value();
        assertThat(p.memberConfidences()).hasSize(4);
        // mean(.71, .66, .64, .70) = 2.71 / 4 = 0.6775; short → P(long) = 0.3225
        assertThat(p.effectiveConfidence()).isCloseTo(0.6775, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(p.probabilityLong()).isCloseTo(0.3225, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void aConfiguredTokenIsSentAsBearer() throws Exception {
        connect(Optional.of("s3cret"), server.url("/").toString());
        answer(200, GOOD_LSTM);
        client.prediction(ModelId.LSTM, "NQZ26-CME");
        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getHeaders().get("Authorization")).isEqualTo("Bearer s3cret");
    }

    @Test
    void symbolsAreUrlEncoded() throws Exception {
        answer(404, "{\"error\": \"unknown symbol\"}");
        client.quote("GC:Z26/COMEX");
        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getTarget()).isEqualTo("/quote?symbol=GC%3AZ26%2FCOMEX");
    }

    @Test
    void aSlowServiceTimesOut() {
        server.enqueue(new MockResponse.Builder().body(GOOD_LSTM).headersDelay(2, TimeUnit.SECONDS).build());
        FeedFailure failure = lstmFailure();
        assertThat(failure.kind()).isEqualTo(FeedFailure.Kind.TIMEOUT);
        assertThat(failure.message()).contains("no answer in time");
    }

    @Test
    void aRefusedConnection() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        connect(Optional.empty(), "http://127.0.0.1:" + closedPort + "/");
        FeedFailure failure = lstmFailure();
        assertThat(failure.kind()).isEqualTo(FeedFailure.Kind.CONNECTION);
        assertThat(failure.message()).contains("connection refused");
    }

    @Test
    void aCallInterruptedByShutdownIsAFailureNotAnEscapingException() {
        // The poller's executor interrupts its threads when the desk closes or the services' settings change.
        // OkHttp 5 lets the InterruptedException out of its connect wait unchecked; it used to escape the poll
        // job and reach the uncaught-exception handler (a red error banner on an ordinary settings change).
        answer(200, GOOD_LSTM);
        Thread.currentThread().interrupt();
        try {
            FeedFailure failure = lstmFailure();
            assertThat(failure.kind()).isEqualTo(FeedFailure.Kind.CONNECTION);
            assertThat(failure.message()).contains("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept for the caller").isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void anHttpsServiceIsReachedOverTlsEvenThoughPlainServicesSkipTheTrustStore() throws Exception {
        // Plain http only, the client is built cleartext-only (no trust store to load). With an https endpoint the
        // desk must still speak TLS: the first byte it sends is a TLS handshake record (0x16), not "G" of a GET.
        try (ServerSocket tlsPort = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            java.util.concurrent.CompletableFuture<Integer> firstByte = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try (java.net.Socket accepted = tlsPort.accept()) {
                    accepted.setSoTimeout(5_000);
                    return accepted.getInputStream().read();
                } catch (IOException e) {
                    return -2;
                }
            });
            connect(Optional.empty(), "https://127.0.0.1:" + tlsPort.getLocalPort() + "/");
            assertThat(lstmFailure().kind()).as("no TLS server answers").isIn(FeedFailure.Kind.CONNECTION, FeedFailure.Kind.TIMEOUT);
            assertThat(firstByte.get(5, TimeUnit.SECONDS)).isEqualTo(0x16);
        }
    }

    @Test
    void aGetOnAPooledConnectionTheServerDroppedIsSentOnceMoreOnAFreshOne() throws Exception {
        String quote = "{\"symbol\": \"NQZ26-CME\", \"last\": 1, \"point_value\": 20, \"atr\": 85.5, \"timestamp\": \"2026-11-23T14:30:00Z\"}";
        answer(200, quote);
        // the second request arrives on the kept-alive connection, and the server drops it before answering
        server.enqueue(new MockResponse.Builder().onResponseStart(new mockwebserver3.SocketEffect.CloseSocket()).build());
        answer(200, quote);
        assertThat(client.quote("NQZ26-CME").isOk()).isTrue();
        FeedResult<io.kellydesk.core.Quote> second = client.quote("NQZ26-CME");
        assertThat(second.isOk()).as("retried once on a new connection: %s", second).isTrue();
        assertThat(server.takeRequest().getConnectionIndex()).isZero();
        server.takeRequest();
        assertThat(server.takeRequest().getConnectionIndex()).as("the retry's own connection").isEqualTo(1);
    }

    @Test
    void aPostIsNeverResentByTheClient() {
        answer(200, "{\"ok\": true}");
        server.enqueue(new MockResponse.Builder().onResponseStart(new mockwebserver3.SocketEffect.CloseSocket()).build());
        assertThat(http.post(UpstreamService.TRADING_ENGINE, "/orders", "{}").isOk()).isTrue();
        // the handoff's own retry (same client order id, with its back-off) decides, never the HTTP client
        assertThat(failureOf(http.post(UpstreamService.TRADING_ENGINE, "/orders", "{}")).kind()).isEqualTo(FeedFailure.Kind.CONNECTION);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aResetConnection() {
        server.enqueue(new MockResponse.Builder().body(GOOD_LSTM).onResponseStart(new SocketEffect.CloseSocket()).build());
        assertThat(lstmFailure().kind()).isEqualTo(FeedFailure.Kind.CONNECTION);
    }

    @Test
    void httpErrorsAreTypedWithTheServicesReason() {
        answer(404, "{\"error\": \"unknown symbol NQZ26-CME\"}");
        FeedFailure notFound = lstmFailure();
        assertThat(notFound.kind()).isEqualTo(FeedFailure.Kind.NOT_FOUND);
        assertThat(notFound.message()).contains("unknown symbol NQZ26-CME");
        assertThat(notFound.httpStatus()).isEqualTo(404);

        answer(500, "not even json");
        assertThat(lstmFailure().kind()).isEqualTo(FeedFailure.Kind.SERVER_ERROR);

        answer(422, "{\"error\": \"bad\"}");
        assertThat(lstmFailure().kind()).isEqualTo(FeedFailure.Kind.CLIENT_ERROR);
    }

    @Test
    void unavailableCarriesRetryAfter() {
        server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "7").body("{\"error\": \"warming up\"}").build());
        FeedFailure failure = lstmFailure();
        assertThat(failure.kind()).isEqualTo(FeedFailure.Kind.UNAVAILABLE);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(failure.message()).contains("warming up");
    }

    @Test
    void unauthorizedAndForbiddenAreAuthenticationProblems() {
        answer(401, "");
        assertThat(lstmFailure().kind()).isEqualTo(FeedFailure.Kind.AUTHENTICATION);
        answer(403, "{\"error\": \"token expired\"}");
        FeedFailure forbidden = lstmFailure();
        assertThat(forbidden.kind()).isEqualTo(FeedFailure.Kind.AUTHENTICATION);
        assertThat(forbidden.message()).contains("check the service token").contains("token expired");
    }

    @Test
    void emptyTruncatedAndNonJsonBodies() {
        answer(200, "");
        assertThat(lstmFailure().message()).isEqualTo("empty body");

        answer(200, "{\"symbol\": \"NQZ26-CME\", \"direc");
        FeedFailure cutJson = lstmFailure();
        assertThat(cutJson.kind()).isEqualTo(FeedFailure.Kind.MALFORMED);
        assertThat(cutJson.message()).startsWith("not JSON");

        // the headers promise 4,000 bytes, the socket closes after 20
        server.enqueue(new MockResponse.Builder().body("{\"symbol\": \"NQZ26-CME").setHeader("Content-Length", "4000")
                .onResponseEnd(new SocketEffect.CloseSocket()).build());
        FeedFailure cutOff = lstmFailure();
        assertThat(cutOff.kind()).isIn(FeedFailure.Kind.CONNECTION, FeedFailure.Kind.TIMEOUT);

        answer(200, "<html><body>Gateway says hello</body></html>");
        assertThat(lstmFailure().message()).startsWith("not JSON");

        answer(200, "[1, 2, 3]");
        assertThat(lstmFailure().message()).isEqualTo("body is not a JSON object");
    }

    @Test
    void wrongTypesMissingFieldsAndBadValuesAreNamed() {
        answer(200, GOOD_LSTM.replace("\"confidence\": 0.73", "\"confidence\": \"0.73\""));
        assertThat(lstmFailure().message()).contains("confidence must be a number");

        answer(200, GOOD_LSTM.replace("\"direction\": \"long\",", ""));
        assertThat(lstmFailure().message()).isEqualTo("missing required field direction");

        answer(200, GOOD_LSTM.replace("\"confidence\": 0.73", "\"confidence\": 1.3"));
        assertThat(lstmFailure().message()).contains("confidence must be in [0, 1], was 1.3");

        answer(200, GOOD_LSTM.replace("\"confidence\": 0.73", "\"confidence\": \"NaN\""));
        assertThat(lstmFailure().kind()).isEqualTo(FeedFailure.Kind.MALFORMED);

        answer(200, GOOD_LSTM.replace("\"direction\": \"long\"", "\"direction\": \"sideways\""));
        assertThat(lstmFailure().message()).contains("direction must be long, short or neutral, was \"sideways\"");

        answer(200, GOOD_LSTM.replace("2026-11-23T14:30:00.125Z", "yesterday"));
        assertThat(lstmFailure().message()).contains("timestamp must be an ISO-8601 UTC instant");
    }

    @Test
    void aTenMegabyteBodyIsRefusedWithoutBufferingIt() {
        answer(200, "{\"pad\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}");
        FeedFailure failure = lstmFailure();
        assertThat(failure.kind()).isEqualTo(FeedFailure.Kind.TOO_LARGE);
        assertThat(failure.message()).contains("4194304-byte limit");
    }

    @Test
    void anAnswerAboutAnotherSymbolIsRefused() {
        answer(200, GOOD_LSTM.replace("\"symbol\": \"NQZ26-CME\"", "\"symbol\": \"ESZ26-CME\""));
        FeedFailure failure = lstmFailure();
        assertThat(failure.kind()).isEqualTo(FeedFailure.Kind.SYMBOL_MISMATCH);
        assertThat(failure.message()).isEqualTo("asked for NQZ26-CME, got ESZ26-CME");
    }

    @Test
    @SuppressWarnings("unchecked")
    void workingOrdersAndOneOrderByItsClientIdParse() throws Exception {
        answer(200, """
                {"orders": [{"order_id": "E-88812", "client_order_id": "kd-20261123-143000-NQZ26-7f3a", "symbol": "NQZ26-CME",
                  "side": "buy", "quantity": 2, "filled_quantity": 1, "status": "partially_filled",
                  "updated": "2026-11-23T14:30:02.500Z", "venue": "ignored"},
                 {"order_id": "E-88813", "client_order_id": "kd-2", "symbol": "ESZ26-CME", "side": "sell", "quantity": 3,
                  "filled_quantity": 3, "status": "filled", "updated": "2026-11-23T14:31:00Z"}]}""");
        var orders = ((FeedResult.Ok<java.util.List<io.kellydesk.core.EngineOrder>>) client.orders(java.time.Instant.parse("2026-11-23T00:00:00Z"))).value();
        // NQ: 2 − 1 = 1 still working, a buy; ES filled: final, nothing working
        assertThat(orders).extracting(io.kellydesk.core.EngineOrder::workingContracts).containsExactly(1, 0);
        assertThat(server.takeRequest().getTarget()).isEqualTo("/orders?since=2026-11-23T00%3A00%3A00Z");

        answer(200, "{\"order_id\": \"E-1\", \"client_order_id\": \"kd/1 x\", \"symbol\": \"NQZ26-CME\", \"side\": \"sell\", \"quantity\": 2, \"filled_quantity\": 0, \"status\": \"working\"}");
        var one = ((FeedResult.Ok<io.kellydesk.core.EngineOrder>) client.order("kd/1 x")).value();
        assertThat(one.workingContracts()).isEqualTo(-2);
        assertThat(server.takeRequest().getTarget()).as("the id URL-encoded as one path segment").isEqualTo("/orders/kd%2F1%20x");

        answer(404, "{\"error\": \"no order with that client_order_id\"}");
        assertThat(failureOf(client.order("kd-9")).kind()).isEqualTo(FeedFailure.Kind.NOT_FOUND);
        answer(200, "{\"orders\": [{\"client_order_id\": \"x\", \"symbol\": \"NQZ26-CME\", \"side\": \"buy\", \"quantity\": 2, \"filled_quantity\": 3, \"status\": \"filled\"}]}");
        assertThat(failureOf(client.orders(java.time.Instant.EPOCH)).message()).contains("orders[0].quantity 2 with filled_quantity 3");
        answer(200, "{\"orders\": [{\"client_order_id\": \"x\", \"symbol\": \"NQZ26-CME\", \"side\": \"buy\", \"quantity\": 2, \"status\": \"parked\"}]}");
        assertThat(failureOf(client.orders(java.time.Instant.EPOCH)).message()).contains("status \"parked\" is not one of the contract's order states");
    }

    @Test
    void quotesAccountsPositionsTradesAndBarsParse() {
        answer(200, """
                {"symbol": "NQZ26-CME", "last": 23412.25, "bid": 23412.0, "ask": 23412.5, "tick_size": 0.25,
                 "point_value": 20.0, "currency": "USD", "atr": 85.5, "atr_period": 14, "timestamp": "2026-11-23T14:30:00.010Z"}""");
        assertThat(((FeedResult.Ok<io.kellydesk.core.Quote>) client.quote("NQZ26-CME")).value().pointValueCurrency()).isEqualTo(20.0);

        answer(200, "{\"account_id\": \"DESK-01\", \"equity\": 250000.0, \"peak_equity\": 262000.0, \"currency\": \"USD\", \"timestamp\": \"2026-11-23T14:30:00Z\"}");
        // drawdown = 1 − 250,000/262,000 = 0.0458015
        assertThat(((FeedResult.Ok<io.kellydesk.core.Account>) client.account()).value().drawdownFraction()).isCloseTo(0.0458015, org.assertj.core.api.Assertions.within(1e-6));

        answer(200, "{\"positions\": [{\"symbol\": \"ESZ26-CME\", \"contracts\": 2, \"side\": \"long\", \"avg_price\": 6120.5}]}");
        assertThat(((FeedResult.Ok<java.util.List<io.kellydesk.core.Position>>) client.positions()).value()).singleElement()
                .satisfies(p -> assertThat(p.contracts()).isEqualTo(2));

        answer(200, """
                {"trades": [{"trade_id": "T-1001", "symbol": "NQZ26-CME", "side": "long", "contracts": 2,
                  "entry_time": "2026-10-24T14:02:11Z", "exit_time": "2026-10-24T15:10:40Z",
                  "entry_price": 23110.0, "exit_price": 23152.5, "pnl": 1700.0}]}""");
        assertThat(((FeedResult.Ok<java.util.List<io.kellydesk.core.ClosedTrade>>) client.trades("NQZ26-CME", java.time.Instant.EPOCH))
                .value().getFirst().pnlPerContractCurrency()).isEqualTo(850.0);

        answer(200, "{\"symbol\": \"NQZ26-CME\", \"interval\": \"1d\", \"bars\": [{\"time\": \"2026-08-28T00:00:00Z\", \"open\": 1, \"high\": 2, \"low\": 0.5, \"close\": 1.5, \"volume\": 10}]}");
        assertThat(((FeedResult.Ok<java.util.List<io.kellydesk.core.Bar>>) client.dailyBars("NQZ26-CME", 60)).value()).hasSize(1);

        answer(200, "{\"trades\": [{\"trade_id\": \"T\", \"symbol\": \"NQZ26-CME\", \"side\": \"long\", \"contracts\": 0, \"entry_time\": \"2026-10-24T14:02:11Z\", \"exit_time\": \"2026-10-24T15:10:40Z\", \"pnl\": 1.0}]}");
        assertThat(failureOf(client.trades("NQZ26-CME", java.time.Instant.EPOCH)).message()).contains("trades[0].contracts must be above 0");
    }

    @Test
    void anUnchangedTradesAnswerIsNotParsedAgainAndABadOneIsReportedEveryTime() throws Exception {
        String one = """
                {"trades": [{"trade_id": "T-1001", "symbol": "NQZ26-CME", "side": "long", "contracts": 2,
                  "entry_time": "2026-10-24T14:02:11Z", "exit_time": "2026-10-24T15:10:40Z", "pnl": 1700.0}]}""";
        String two = one.replace("]}", ", {\"trade_id\": \"T-1002\", \"symbol\": \"NQZ26-CME\", \"side\": \"short\", \"contracts\": 1,"
                + " \"entry_time\": \"2026-10-25T14:00:00Z\", \"exit_time\": \"2026-10-25T15:00:00Z\", \"pnl\": -500.0}]}");
        String broken = one.replace("\"contracts\": 2", "\"contracts\": 0");
        for (String body : java.util.List.of(one, one, two, broken, broken)) {
            answer(200, body);
        }
        var first = ((FeedResult.Ok<java.util.List<io.kellydesk.core.ClosedTrade>>) client.trades("NQZ26-CME", java.time.Instant.EPOCH)).value();
        var again = ((FeedResult.Ok<java.util.List<io.kellydesk.core.ClosedTrade>>) client.trades("NQZ26-CME", java.time.Instant.EPOCH)).value();
        var changed = ((FeedResult.Ok<java.util.List<io.kellydesk.core.ClosedTrade>>) client.trades("NQZ26-CME", java.time.Instant.EPOCH)).value();
        assertThat(again).as("the same bytes: the list parsed the first time, not a new parse").isSameAs(first);
        assertThat(changed).hasSize(2).isNotSameAs(first);
        assertThat(changed.get(1).pnlCurrency()).isEqualTo(-500.0);
        assertThat(failureOf(client.trades("NQZ26-CME", java.time.Instant.EPOCH)).message()).contains("trades[0].contracts must be above 0");
        assertThat(failureOf(client.trades("NQZ26-CME", java.time.Instant.EPOCH)).message()).contains("trades[0].contracts must be above 0");
        assertThat(server.getRequestCount()).as("every poll still asks the engine").isEqualTo(5);
    }
}
