package io.kellydesk.load;

import io.kellydesk.core.ModelId;
import io.kellydesk.core.ServicesSettings;
import io.kellydesk.core.SizingContext;
import io.kellydesk.core.SizingSettings;
import io.kellydesk.core.UpstreamService;
import io.kellydesk.engine.DeskEngine;
import io.kellydesk.engine.DeskEvent;
import io.kellydesk.engine.EventBus;
import io.kellydesk.feeds.FeedResult;
import io.kellydesk.feeds.UpstreamClient;
import io.kellydesk.feeds.UpstreamHttp;
import io.kellydesk.tasks.PooledTaskExecutor;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Issue 4's load scenario: N symbols (default 500) against the demo services on loopback, the demo in its own
 * process so this process's CPU is the desk's alone. Each cycle polls every symbol's LSTM, ensemble, quote and
 * trades (4 requests each) and waits until every answer is in and every symbol is re-sized. The demo's models
 * change their view every second, so each cycle really re-sizes. Reports the cycle time (median, p99), the
 * desk's CPU use, and the time from a prediction's arrival to its recommendation snapshot (median, p99).
 *
 * <p>Run: {@code mvn -Pload verify} (options: {@code -Dload.symbols=500 -Dload.cycles=40 -Dload.warmUp=20}; {@code -Dload.inline=true}
 * sizes on the delivering thread instead of the compute pool, for comparison).
 */
public final class FeedLoadScenario {

    public static void main(String[] args) throws Exception {
        int symbols = Integer.getInteger("load.symbols", 500);
        int cycles = Integer.getInteger("load.cycles", 40);
        int port = Integer.getInteger("load.port", 28101);
        Process demo = startDemo(port, symbols);
        try {
            run(port, symbols, cycles, demo.toHandle());
        } finally {
            demo.destroy();
            demo.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static Process startDemo(int port, int symbols) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        String demoJvmArgs = System.getProperty("load.demoJvmArgs", "");
        if (!demoJvmArgs.isBlank()) {
            command.addAll(List.of(demoJvmArgs.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.kellydesk.app.Launcher",
                "--demo-services-only", "--port", Integer.toString(port), "--demo-symbols", Integer.toString(symbols),
                "--demo-epoch-ms", "1000"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        HttpClient probe = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> health = probe.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (port + 3) + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return process;
                }
            } catch (java.io.IOException notYet) {
                LockSupport.parkNanos(100_000_000);
            }
        }
        process.destroy();
        throw new IllegalStateException("demo services did not start on port " + port);
    }

    private static void run(int port, int symbolCount, int cycles, ProcessHandle demo) throws Exception {
        Map<UpstreamService, ServicesSettings.Endpoint> endpoints = new EnumMap<>(UpstreamService.class);
        for (UpstreamService service : UpstreamService.values()) {
            endpoints.put(service, new ServicesSettings.Endpoint("http://127.0.0.1:" + (port + service.ordinal()), Optional.empty()));
        }
        ServicesSettings settings = ServicesSettings.defaults().withEndpoints(endpoints)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10));
        Clock clock = Clock.systemUTC();
        EventBus bus = new EventBus();
        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        List<Long> arrivalToSnapshotNanos = Collections.synchronizedList(new ArrayList<>());
        bus.subscribe(DeskEvent.RecommendationChanged.class, e -> {
            Long arrived = arrivals.remove(e.snapshot().symbol());
            if (arrived != null) {
                arrivalToSnapshotNanos.add(System.nanoTime() - arrived);
            }
        });
        try (UpstreamHttp http = new UpstreamHttp(settings);
             DeskEngine engine = new DeskEngine(SizingContext.of(SizingSettings.defaults(), null),
                     Boolean.getBoolean("load.inline") ? new io.kellydesk.tasks.DirectTaskExecutor()
                             : new PooledTaskExecutor("kd-compute", 2), bus, r -> { }, clock);
             ExecutorService io = Executors.newVirtualThreadPerTaskExecutor()) {
            UpstreamClient client = new UpstreamClient(http);
            List<String> symbols = ((FeedResult.Ok<List<String>>) client.symbols()).value();
            engine.onSymbols(symbols);
            engine.onAccount(client.account());
            engine.onPositions(client.positions());
            Semaphore inFlight = new Semaphore(Integer.getInteger("load.inFlight", 128));
            List<Double> cycleMillis = new ArrayList<>();
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuStart = 0;
            long demoCpuStart = 0;
            long wallStart = 0;
            int warmUp = Integer.getInteger("load.warmUp", 20);
            List<Double> warmUpMillis = new ArrayList<>();
            for (int cycle = 0; cycle < cycles + warmUp; cycle++) {
                if (cycle == warmUp) { // both JVMs compile their hot paths first: cold cycles are reported apart
                    cpuStart = os.getProcessCpuTime();
                    demoCpuStart = demoCpuNanos(demo);
                    wallStart = System.nanoTime();
                    arrivalToSnapshotNanos.clear();
                }
                // start each cycle 100 ms into a fresh one-second model epoch: every prediction is new
                long nowMs = clock.millis();
                LockSupport.parkNanos(Duration.ofMillis(1_100 - nowMs % 1_000).toNanos());
                arrivals.clear();
                long start = System.nanoTime();
                CountDownLatch answers = new CountDownLatch(symbols.size() * 4 + 1);
                Instant since = clock.instant().minus(Duration.ofDays(30));
                // the account, orders and positions, as the desk polls them (every 5 s there; here once a cycle): they
                // age out after max_account_age_s, and then nothing is sized
                submit(io, inFlight, answers, () -> {
                    engine.onAccount(client.account());
                    engine.onExposure(client.orders(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS)), client.positions());
                });
                for (String symbol : symbols) {
                    submit(io, inFlight, answers, () -> {
                        var r = client.prediction(ModelId.LSTM, symbol);
                        arrivals.put(symbol, System.nanoTime());
                        engine.onPrediction(ModelId.LSTM, symbol, r);
                    });
                    submit(io, inFlight, answers, () -> {
                        var r = client.prediction(ModelId.ENSEMBLE, symbol);
                        arrivals.put(symbol, System.nanoTime());
                        engine.onPrediction(ModelId.ENSEMBLE, symbol, r);
                    });
                    submit(io, inFlight, answers, () -> engine.onQuote(symbol, client.quote(symbol)));
                    submit(io, inFlight, answers, () -> engine.onTrades(symbol, client.trades(symbol, since)));
                }
                answers.await(60, TimeUnit.SECONDS);
                while (!engine.isIdle()) {
                    LockSupport.parkNanos(100_000);
                }
                (cycle >= warmUp ? cycleMillis : warmUpMillis).add((System.nanoTime() - start) / 1e6);
            }
            double wallNanos = System.nanoTime() - wallStart;
            double cores = (os.getProcessCpuTime() - cpuStart) / wallNanos;
            double demoCores = (demoCpuNanos(demo) - demoCpuStart) / wallNanos;
            long traded = engine.snapshots().stream().filter(s -> s.recommendation().isTrade()).count();
            List<Long> latencies;
            synchronized (arrivalToSnapshotNanos) {
                latencies = new ArrayList<>(arrivalToSnapshotNanos);
            }
            StringBuilder byQuarter = new StringBuilder(); // flat quarters: the measured run is past warm-up
            int quarter = Math.max(1, cycleMillis.size() / 4);
            for (int from = 0; from + quarter <= cycleMillis.size(); from += quarter) {
                List<Double> part = new ArrayList<>(cycleMillis.subList(from, from + quarter));
                Collections.sort(part);
                byQuarter.append(String.format(Locale.ROOT, " %.1f", pct(part, 0.5)));
            }
            Collections.sort(cycleMillis);
            Collections.sort(latencies);
            System.out.printf(Locale.ROOT, "symbols %d, cycles %d (after %d warm-up), %d requests per cycle, at most %d in flight%n",
                    symbols.size(), cycleMillis.size(), warmUp, symbols.size() * 4, inFlight.availablePermits());
            if (!warmUpMillis.isEmpty()) {
                System.out.printf(Locale.ROOT, "warm-up cycles (cold JIT in both processes): first %.1f ms, last %.1f ms%n",
                        warmUpMillis.getFirst(), warmUpMillis.getLast());
            }
            System.out.printf(Locale.ROOT, "cycle time: median %.1f ms, p99 %.1f ms, max %.1f ms (target median < 250 ms)%n",
                    pct(cycleMillis, 0.5), pct(cycleMillis, 0.99), cycleMillis.getLast());
            System.out.printf(Locale.ROOT, "cycle median by quarter of the measured run, in order:%s ms%n", byQuarter);
            System.out.printf(Locale.ROOT, "desk CPU: %.2f cores on average over the measured cycles incl. idle gaps (target < 1)%n", cores);
            System.out.printf(Locale.ROOT, "demo services CPU (their own process, for comparison): %.2f cores on average%n", demoCores);
            System.out.printf(Locale.ROOT, "prediction arrival -> snapshot: n %d, median %.3f ms, p99 %.3f ms (target p99 < 5 ms)%n",
                    latencies.size(), pctL(latencies, 0.5) / 1e6, pctL(latencies, 0.99) / 1e6);
            System.out.printf(Locale.ROOT, "tradable now: %d of %d%n", traded, symbols.size());
        }
    }

    private static void submit(ExecutorService io, Semaphore inFlight, CountDownLatch done, Runnable request) {
        io.execute(() -> {
            try {
                inFlight.acquire();
                try {
                    request.run();
                } finally {
                    inFlight.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                done.countDown();
            }
        });
    }

    private static long demoCpuNanos(ProcessHandle demo) {
        return demo.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static double pct(List<Double> sorted, double q) {
        return sorted.get(Math.max(0, (int) Math.ceil(q * sorted.size()) - 1));
    }

    private static double pctL(List<Long> sorted, double q) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.max(0, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
