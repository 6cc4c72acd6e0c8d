package io.kellydesk.api;

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
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * On demand ({@code mvn -Pload verify -Dload.main=io.kellydesk.api.ApiStreamScenario}): 20 WebSocket clients on the
 * stream while 500 symbols are re-sized once a second for 60 s (arguments: clients, seconds, and "burst" to publish the
 * 500 at one instant instead of spread over the second). Reports recommendation-to-message latency (publish on
 * the bus → message parsed by the client) p50/p99, messages the healthy clients missed, and the CPU the API added
 * (its Jetty threads plus its work on the publishing thread) in cores.
 */
public final class ApiStreamScenario {

    private ApiStreamScenario() {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 20; // -Dload.main="io.kellydesk.api.ApiStreamScenario 1"
        int symbols = Integer.getInteger("api.symbols", 500);
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        // spread: each symbol at its own moment of the second, as polls and re-sizes arrive; burst: all 500 at once
        boolean burst = args.length > 2 && args[2].equals("burst");
        Path dir = Files.createTempDirectory("kd-api-scenario");
        EventBus bus = new EventBus();
        DeskEngine engine = new DeskEngine(SizingContext.of(SizingSettings.defaults(), null), new DirectTaskExecutor(), bus,
                r -> { }, Clock.systemUTC());
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "kd-api-stream"));
        ApiToken token = ApiToken.loadOrCreate(dir);
        DeskApi api = new DeskApi(new DeskApi.Sources(engine, bus, Optional.empty(), List::of), token, Clock.systemUTC(), sweeper);
        api.start("127.0.0.1", 0).ifPresent(p -> {
            throw new IllegalStateException(p);
        });
        // when each symbol's current round was published (nanoTime): a message is measured against its own round
        Map<String, long[]> published = new ConcurrentHashMap<>();
        List<long[]> latencies = new ArrayList<>();
        AtomicLong[] received = new AtomicLong[clients];
        OkHttpClient http = new OkHttpClient();
        List<WebSocket> sockets = new ArrayList<>();
        CountDownLatch joined = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            received[c] = new AtomicLong();
            long[] mine = new long[symbols * seconds + 1000];
            latencies.add(mine);
            int client = c;
            sockets.add(http.newWebSocket(new Request.Builder().url("ws://127.0.0.1:" + api.port() + DeskApi.BASE + "/stream")
                    .header("Authorization", "Bearer " + token.value()).build(), new WebSocketListener() {
                @Override
                public void onMessage(WebSocket socket, String text) {
                    long now = System.nanoTime();
                    // the clients share the machine with the desk: they read the type and symbol only, not the whole JSON
                    if (text.startsWith("{\"type\":\"snapshot\"")) {
                        joined.countDown();
                        return;
                    }
                    int from = text.indexOf("\"symbol\":\"") + 10;
                    long[] at = published.get(text.substring(from, text.indexOf('"', from)));
                    long n = received[client].getAndIncrement();
                    if (at != null && n < mine.length) {
                        mine[(int) n] = now - at[0];
                    }
                }
            }));
        }
        if (clients > 0 && !joined.await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("not every client joined");
        }
        Recommendation base = StoreFixtures.recommendation("NQZ26-CME", Direction.LONG, 0.7, Instant.now());
        SymbolSnapshot.InputStatus fresh = new SymbolSnapshot.InputStatus(Optional.of(Instant.now()), Optional.empty());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long jettyCpuBefore = jettyCpu(threads);
        long publishCpu = 0;
        long wallStart = System.nanoTime();
        for (int round = 0; round < seconds; round++) {
            long roundStart = System.nanoTime();
            for (int s = 0; s < symbols; s++) {
                if (!burst) {
                    long due = roundStart + TimeUnit.SECONDS.toNanos(1) * s / symbols;
                    while (System.nanoTime() < due) {
                        java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
                    }
                }
                String symbol = "SIM" + s;
                published.put(symbol, new long[] {System.nanoTime()});
                // computedAt ≠ decidedAt: a refreshed input status, so one kelly_update and no completion message
                SymbolSnapshot snapshot = new SymbolSnapshot(symbol, base, Instant.now(), fresh, fresh, fresh, Duration.ofSeconds(60));
                long cpu = threads.getCurrentThreadCpuTime();
                bus.publish(new DeskEvent.RecommendationChanged(snapshot));
                publishCpu += threads.getCurrentThreadCpuTime() - cpu;
            }
            long rest = TimeUnit.SECONDS.toNanos(1) - (System.nanoTime() - roundStart);
            if (rest > 0) {
                TimeUnit.NANOSECONDS.sleep(rest);
            }
        }
        // the last messages arrive (or 5 s pass: then they count as missed)
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < waitUntil && Arrays.stream(received).anyMatch(r -> r.get() < (long) symbols * seconds)) {
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        long wall = System.nanoTime() - wallStart;
        long jettyCpu = jettyCpu(threads) - jettyCpuBefore;
        long expected = (long) symbols * seconds;
        long lost = 0;
        List<Long> all = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            lost += Math.max(0, expected - received[c].get());
            long[] mine = latencies.get(c);
            for (int i = 0; i < Math.min(received[c].get(), mine.length); i++) {
                all.add(mine[i]);
            }
        }
        long[] sorted = all.isEmpty() ? new long[] {0} : all.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        System.out.printf("%d clients, %d symbols re-sized every second for %d s (%s): %,d messages per client expected%n", clients,
                symbols, seconds, burst ? "all at the same instant" : "spread over the second", expected);
        System.out.printf("recommendation -> message: n %,d, p50 %.3f ms, p99 %.3f ms, max %.3f ms (target p99 <= 5 ms)%n", sorted.length,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6);
        System.out.printf("messages missed by the healthy clients: %d (target 0)%n", lost);
        System.out.printf("CPU the API added: %.3f cores (stream and Jetty threads %.3f + on the publishing thread %.3f; target <= 0.1)%n",
                (jettyCpu + publishCpu) / (double) wall, jettyCpu / (double) wall, publishCpu / (double) wall);
        sockets.forEach(s -> s.close(1000, "done"));
        api.close();
        sweeper.shutdownNow();
        http.dispatcher().executorService().shutdown();
        System.exit(0);
    }

    /** CPU time of the server's threads (Jetty's pool), nanoseconds. */
    private static long jettyCpu(ThreadMXBean threads) {
        long total = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String name = t.getName();
            // Jetty's pool and the stream thread the API sends on
            if (name.startsWith("qtp") || name.contains("Jetty") || name.contains("jetty") || name.startsWith("kd-api-stream")) {
                long cpu = threads.getThreadCpuTime(t.threadId());
                total += Math.max(0, cpu);
            }
        }
        return total;
    }
}
