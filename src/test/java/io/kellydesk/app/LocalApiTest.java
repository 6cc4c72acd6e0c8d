package io.kellydesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kellydesk.api.ApiToken;
import io.kellydesk.core.HandoffRecord;
import io.kellydesk.core.HandoffStatus;
import io.kellydesk.core.OrderTicket;
import io.kellydesk.core.Recommendation;
import io.kellydesk.engine.SymbolSnapshot;
import io.kellydesk.settings.SettingsFiles;
import io.kellydesk.testing.Eventually;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local API of a whole desk on its demo services: real HTTP and a real WebSocket on loopback (OkHttp's client),
 * every endpoint's shape against the OpenAPI file the API serves, the token on HTTP and on the upgrade.
 */
class LocalApiTest {

    @TempDir
    Path dir;

    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(20)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private DeskComposition desk;
    private String base;
    private String token;

    @BeforeEach
    void start() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path settings = dir.resolve("settings.json");
        SettingsFiles.createWithDefaultsIfMissing(settings);
        Files.writeString(settings, Files.readString(settings).replace("\"api_port\": 8765", "\"api_port\": " + port));
        desk = new DeskComposition(new AppOptions(settings, dir.resolve("data"), AppOptions.DemoMode.ON), BuildInfo.load(),
                Runnable::run, Clock.systemUTC());
        desk.startServices();
        Eventually.await(Duration.ofSeconds(30), "8 symbols sized and the API up",
                () -> desk.engine().snapshots().size() >= 8 && desk.apiPort().isPresent());
        base = "http://127.0.0.1:" + desk.apiPort().getAsInt() + "/api/kelly";
        token = ApiToken.loadOrCreate(dir.resolve("data")).value();
    }

    @AfterEach
    void stop() {
        desk.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private Response get(String path, String bearer) throws Exception {
        Request.Builder request = new Request.Builder().url(base + path);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.newCall(request.build()).execute();
    }

    private JsonNode body(String path) throws Exception {
        try (Response response = get(path, token)) {
            assertThat(response.code()).as(path).isEqualTo(200);
            return json.readTree(response.body().string());
        }
    }

    /** Every key the schema requires is in {@code node}; recursing into its arrays' and objects' schemas by $ref. */
    private void conforms(JsonNode openApi, JsonNode schema, JsonNode node, String where) {
        if (schema.has("$ref")) {
            schema = openApi.at(schema.get("$ref").asText().substring(1));
        }
        if (schema.has("allOf")) {
            schema = openApi.at(schema.get("allOf").get(0).get("$ref").asText().substring(1));
        }
        if (node == null || node.isNull()) {
            return;
        }
        for (JsonNode required : schema.path("required")) {
            assertThat(node.has(required.asText())).as(where + " has " + required.asText()).isTrue();
        }
        for (Iterator<String> keys = schema.path("properties").fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            JsonNode property = schema.get("properties").get(key);
            if (property.path("type").asText().equals("array") && node.path(key).isArray()) {
                for (JsonNode item : node.get(key)) {
                    conforms(openApi, property.get("items"), item, where + "." + key + "[]");
                }
            } else if (node.has(key) && (property.has("$ref") || property.has("allOf"))) {
                conforms(openApi, property, node.get(key), where + "." + key);
            }
        }
    }

    @Test
    void everyEndpointAnswersInTheShapeItsOpenApiFileDescribesAndOnlyWithTheToken() throws Exception {
        JsonNode openApi = body("/openapi.json");
        for (String path : List.of("/current-recommendations", "/performance-metrics?days=30", "/risk-status", "/health",
                "/decisions?limit=5")) {
            String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            JsonNode schema = openApi.at("/paths/" + ("/api/kelly" + bare).replace("/", "~1") + "/get/responses/200/content/application~1json/schema");
            assertThat(schema.isMissingNode()).as(bare + " in the OpenAPI file").isFalse();
            conforms(openApi, schema, body(path), bare);
        }
        JsonNode recommendations = body("/current-recommendations").get("recommendations");
        assertThat(recommendations.size()).isEqualTo(desk.engine().snapshots().size());
        // the numbers are the engine's, not defaults: the first symbol's target as the tile shows it
        SymbolSnapshot first = desk.engine().snapshots().stream().filter(s -> s.symbol().equals(recommendations.get(0).get("symbol").asText()))
                .findFirst().orElseThrow();
        assertThat(recommendations.get(0).get("settings_version").asText()).isEqualTo(first.recommendation().settingsVersion());

        try (Response none = get("/health", null); Response wrong = get("/health", "not-the-token")) {
            assertThat(none.code()).isEqualTo(401);
            assertThat(wrong.code()).isEqualTo(401);
        }
        try (Response unknown = get("/nothing-here", token)) {
            assertThat(unknown.code()).isEqualTo(404);
        }
        try (Response post = http.newCall(new Request.Builder().url(base + "/current-recommendations")
                .header("Authorization", "Bearer " + token).post(RequestBody.create(new byte[0])).build()).execute()) {
            assertThat(post.code()).as("read-only: other methods are refused").isEqualTo(405);
        }
        try (Response bad = get("/performance-metrics?days=0", token)) {
            assertThat(bad.code()).isEqualTo(400);
        }
    }

    @Test
    void itListensOnLoopbackOnly() throws Exception {
        Optional<InetAddress> other = NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress() && a instanceof java.net.Inet4Address).findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(other.isPresent(), "this machine has an address other than loopback");
        try (Socket socket = new Socket()) {
            boolean refused = false;
            try {
                socket.connect(new InetSocketAddress(other.get(), desk.apiPort().getAsInt()), 2_000);
            } catch (java.io.IOException expected) {
                refused = true;
            }
            assertThat(refused).as("not reachable on " + other.get()).isTrue();
        }
    }

    @Test
    void theStreamSendsASnapshotFirstThenUpdatesAndATradeTheEngineAccepted() throws Exception {
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        AtomicInteger refusedWith = new AtomicInteger();
        WebSocketListener listener = new WebSocketListener() {
            @Override
            public void onMessage(WebSocket socket, String text) {
                try {
                    received.add(json.readTree(text));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        // without the token the upgrade itself is refused
        http.newWebSocket(new Request.Builder().url(base.replace("http", "ws") + "/stream").build(), new WebSocketListener() {
            @Override
            public void onFailure(WebSocket socket, Throwable t, Response response) {
                refusedWith.set(response == null ? -1 : response.code());
            }
        });
        Eventually.await(Duration.ofSeconds(10), "upgrade refused", () -> refusedWith.get() != 0);
        assertThat(refusedWith.get()).isEqualTo(401);

        WebSocket socket = http.newWebSocket(new Request.Builder().url(base.replace("http", "ws") + "/stream")
                .header("Authorization", "Bearer " + token).build(), listener);
        try {
            Eventually.await(Duration.ofSeconds(10), "the snapshot", () -> !received.isEmpty());
            assertThat(received.getFirst().get("type").asText()).isEqualTo("snapshot");
            assertThat(received.getFirst().at("/data/recommendations").size()).isGreaterThanOrEqualTo(8);

            // a handoff the demo engine accepts reaches the stream as kelly_trade_executed
            SymbolSnapshot offer = null;
            Eventually.await(Duration.ofSeconds(60), "an order on offer",
                    () -> desk.engine().snapshots().stream().anyMatch(s -> s.recommendation().hasOrder()));
            for (SymbolSnapshot s : desk.engine().snapshots()) {
                if (s.recommendation().hasOrder()) {
                    offer = s;
                    break;
                }
            }
            Recommendation r = offer.recommendation();
            HandoffRecord done = desk.handoffs().handOff(OrderTicket.from(r, "USD", r.estimate().map(e -> e.rawWinProbability()).orElse(0.0),
                    OptionalDouble.empty())).get(60, TimeUnit.SECONDS);
            assertThat(done.status()).isEqualTo(HandoffStatus.ACCEPTED);
            Eventually.await(Duration.ofSeconds(10), "kelly_trade_executed", () -> received.stream()
                    .anyMatch(m -> m.get("type").asText().equals("kelly_trade_executed")
                            && m.at("/data/client_order_id").asText().equals(done.clientOrderId())));
            // the fill re-sizes the symbol: an update follows the snapshot
            Eventually.await(Duration.ofSeconds(20), "a kelly_update after the snapshot", () -> received.stream()
                    .skip(1).anyMatch(m -> m.get("type").asText().equals("kelly_update")));
            List<String> types = new ArrayList<>();
            received.forEach(m -> types.add(m.get("type").asText()));
            assertThat(types.indexOf("snapshot")).as("nothing before the snapshot").isZero();
            assertThat(types.lastIndexOf("snapshot")).isZero();
        } finally {
            socket.close(1000, "done");
        }
    }
}
