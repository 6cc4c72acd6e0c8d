package io.kellydesk.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kellydesk.core.Direction;
import io.kellydesk.core.Recommendation;
import io.kellydesk.core.SizingContext;
import io.kellydesk.core.SizingSettings;
import io.kellydesk.engine.DeskEngine;
import io.kellydesk.engine.DeskEvent;
import io.kellydesk.engine.EventBus;
import io.kellydesk.engine.SymbolSnapshot;
import io.kellydesk.store.StoreFixtures;
import io.kellydesk.tasks.DirectTaskExecutor;
import io.kellydesk.testing.Eventually;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that stops reading never slows the desk or the others: its queue keeps the newest per symbol, and it is
 * disconnected after {@link StreamHub#STALL} without progress while a healthy client receives everything.
 */
class StalledClientTest {

    @TempDir
    Path dir;

    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor();
    private final EventBus bus = new EventBus();
    private DeskApi api;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
        sweeper.shutdownNow();
    }

    @Test
    void aStalledClientIsDroppedWhileAHealthyOneKeepsReceiving() throws Exception {
        DeskEngine engine = new DeskEngine(SizingContext.of(SizingSettings.defaults(), null), new DirectTaskExecutor(), bus,
                recommendation -> { }, Clock.systemUTC());
        ApiToken token = ApiToken.loadOrCreate(dir);
        api = new DeskApi(new DeskApi.Sources(engine, bus, Optional.empty(), List::of), token, Clock.systemUTC(), sweeper);
        assertThat(api.start("127.0.0.1", 0)).isEmpty();

        // the stalled client: a raw socket that upgrades and then never reads
        Socket stalled = new Socket("127.0.0.1", api.port());
        stalled.setReceiveBufferSize(4096);
        OutputStream out = stalled.getOutputStream();
        out.write(("GET /api/kelly/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nAuthorization: Bearer " + token.value()
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = stalled.getInputStream();
        byte[] head = new byte[12];
        assertThat(in.readNBytes(head, 0, 12)).isEqualTo(12);
        assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 101");

        AtomicInteger healthyReceived = new AtomicInteger();
        OkHttpClient http = new OkHttpClient();
        WebSocket healthy = http.newWebSocket(new Request.Builder().url("ws://127.0.0.1:" + api.port() + "/api/kelly/stream")
                .header("Authorization", "Bearer " + token.value()).build(), new WebSocketListener() {
            @Override
            public void onMessage(WebSocket socket, String text) {
                healthyReceived.incrementAndGet();
            }
        });
        Eventually.await(Duration.ofSeconds(10), "both clients joined", () -> api.streamClients() == 2);

        // 20,000 updates of distinct symbols (~1.5 kB each, 30 MB): far more than any socket buffers for the stalled one
        Recommendation base = StoreFixtures.recommendation("NQZ26-CME", Direction.LONG, 0.7, Instant.now());
        SymbolSnapshot.InputStatus fresh = new SymbolSnapshot.InputStatus(Optional.of(Instant.now()), Optional.empty());
        int published = 20_000;
        long start = System.nanoTime();
        for (int i = 0; i < published; i++) {
            SymbolSnapshot s = new SymbolSnapshot("SIM" + i, base, Instant.now(), fresh, fresh, fresh, Duration.ofSeconds(60));
            bus.publish(new DeskEvent.RecommendationChanged(s));
        }
        long publishMs = (System.nanoTime() - start) / 1_000_000;

        Eventually.await(Duration.ofSeconds(30), "the stalled client dropped", () -> api.streamClients() == 1);
        // the healthy client gets the snapshot and every update (each symbol once: nothing to coalesce)
        Eventually.await(Duration.ofSeconds(30), "the healthy client received all", () -> healthyReceived.get() >= published + 1);
        assertThat(publishMs).as("publishing never waited for the stalled client (its drop takes %d s)", StreamHub.STALL.toSeconds())
                .isLessThan(StreamHub.STALL.toMillis());
        healthy.close(1000, "done");
        stalled.close();
        http.dispatcher().executorService().shutdown();
    }
}
