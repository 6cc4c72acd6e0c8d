package io.kellydesk.app;

import io.kellydesk.core.ReasonCode;
import io.kellydesk.core.Recommendation;
import io.kellydesk.core.ServiceHealth;
import io.kellydesk.core.UpstreamService;
import io.kellydesk.demo.DemoServices;
import io.kellydesk.engine.SymbolSnapshot;
import io.kellydesk.settings.SettingsFiles;
import io.kellydesk.testing.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Issue 16's measured run, on demand: the desk on its demo services with one symbol's {@code /trades} answering 500,
 * another symbol's predictions garbage (both models), and the LSTM service restarted (5 s down) a third into the run.
 * Reports service_events rows per service per minute, seconds of SERVICE_DOWN or STALE_INPUT for the six healthy
 * symbols, connection errors on the services that were never restarted, and duplicate recommendation rows (a row
 * equal to the symbol's previous one in everything that determines it).
 *
 * <p>{@code mvn -Pload verify -Dload.main=io.kellydesk.app.FaultScenario -Dload.cycles=600} (seconds; default 600)
 */
public final class FaultScenario {

    private static final String BAD_HISTORY = "CLF27-NYMEX";
    private static final String BAD_PREDICTIONS = "GCZ26-COMEX";

    private FaultScenario() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("load.cycles", 600);
        Path dir = Files.createTempDirectory("kd-faults");
        Path settings = dir.resolve("settings.json");
        SettingsFiles.createWithDefaultsIfMissing(settings);
        DeskComposition desk = new DeskComposition(new AppOptions(settings, dir.resolve("data"), AppOptions.DemoMode.ON),
                BuildInfo.load(), Runnable::run, Clock.systemUTC());
        desk.startServices();
        Eventually.await(Duration.ofSeconds(20), "the demo up and 8 symbols sized",
                () -> desk.demo().isPresent() && desk.engine().snapshots().size() >= 8);
        DemoServices demo = desk.demo().orElseThrow();
        // every symbol sized once from healthy services: both models, the history, the quote, the account
        Eventually.await(Duration.ofSeconds(30), "every symbol sized from every input", () -> desk.engine().snapshots().stream()
                .allMatch(s -> s.recommendation().estimate().map(e -> e.modelsUsed() == 2).orElse(false)
                        && s.recommendation().inputs().payoff().isPresent() && s.recommendation().inputs().account().isPresent()));
        demo.failFor(UpstreamService.TRADING_ENGINE, "/trades", BAD_HISTORY);
        demo.garbageFor(UpstreamService.LSTM, "/predict", BAD_PREDICTIONS);
        demo.garbageFor(UpstreamService.ENSEMBLE, "/predict", BAD_PREDICTIONS);
        long startMs = System.currentTimeMillis();
        Map<UpstreamService, Long> connectionErrorsAtStart = connectionErrors(desk);
        Map<String, Integer> badSeconds = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.ScheduledExecutorService clockwork = java.util.concurrent.Executors.newScheduledThreadPool(2,
                r -> Thread.ofPlatform().daemon().name("kd-fault-clock").unstarted(r));
        // a third into the run the LSTM goes away for 5 s and comes back on its port
        clockwork.schedule(() -> {
            System.out.printf("t=%d s: restarting the LSTM service (5 s down)%n", seconds / 3);
            try {
                demo.restart(UpstreamService.LSTM, Duration.ofSeconds(5));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, seconds / 3, java.util.concurrent.TimeUnit.SECONDS);
        // once a second: which healthy symbols are down or stale; once a minute: the lights
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(seconds);
        java.util.concurrent.atomic.AtomicInteger tick = new java.util.concurrent.atomic.AtomicInteger();
        clockwork.scheduleAtFixedRate(() -> {
            int s = tick.getAndIncrement();
            if (s >= seconds) {
                return;
            }
            for (SymbolSnapshot snapshot : desk.engine().snapshots()) {
                Recommendation r = snapshot.recommendation();
                if (!Set.of(BAD_HISTORY, BAD_PREDICTIONS).contains(r.symbol())
                        && (r.reason() == ReasonCode.SERVICE_DOWN || r.reason() == ReasonCode.STALE_INPUT)) {
                    badSeconds.merge(r.symbol(), 1, Integer::sum);
                }
            }
            if (s % 60 == 59) {
                System.out.printf("t=%d s: health %s%n", s + 1, healthLine(desk));
            }
            done.countDown();
        }, 0, 1, java.util.concurrent.TimeUnit.SECONDS);
        done.await();
        clockwork.shutdownNow();
        long endMs = System.currentTimeMillis();
        Map<UpstreamService, Long> connectionErrors = connectionErrors(desk);
        ServiceHealth te = desk.liveHealth().get(UpstreamService.TRADING_ENGINE);
        ServiceHealth lstm = desk.liveHealth().get(UpstreamService.LSTM);
        Path log = desk.decisionLog().orElseThrow().file();
        desk.close();

        double minutes = (endMs - startMs) / 60_000.0;
        System.out.println();
        System.out.printf("run %.1f min; faults: %s /trades 500, %s predictions garbage (both models), LSTM restarted once%n",
                minutes, BAD_HISTORY, BAD_PREDICTIONS);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + log); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT service, count(*), group_concat(state, ' > ') FROM service_events WHERE at_ms BETWEEN "
                    + startMs + " AND " + endMs + " GROUP BY service ORDER BY service")) {
                System.out.println("service_events rows per service (per minute), in order:");
                while (rs.next()) {
                    System.out.printf("  %-16s %3d (%.2f / min)  %s%n", rs.getString(1), rs.getInt(2), rs.getInt(2) / minutes, rs.getString(3));
                }
            }
            try (ResultSet rs = st.executeQuery("""
                    SELECT count(*) FROM (SELECT symbol, inputs_hash, settings_version, status, reason, reason_detail,
                      target_contracts, order_contracts, p_win,
                      lag(inputs_hash) OVER w AS h, lag(settings_version) OVER w AS v, lag(status) OVER w AS s, lag(reason) OVER w AS r,
                      lag(reason_detail) OVER w AS d, lag(target_contracts) OVER w AS t, lag(order_contracts) OVER w AS o, lag(p_win) OVER w AS p
                      FROM recommendations WINDOW w AS (PARTITION BY symbol ORDER BY id))
                    WHERE h = inputs_hash AND v = settings_version AND s = status AND r = reason AND d = reason_detail
                      AND t IS target_contracts AND o IS order_contracts AND p IS p_win""")) {
                rs.next();
                System.out.printf("duplicate recommendation rows (equal to the symbol's previous row): %d%n", rs.getInt(1));
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM recommendations")) {
                rs.next();
                System.out.printf("recommendation rows in all: %d%n", rs.getInt(1));
            }
        }
        System.out.printf("seconds of SERVICE_DOWN or STALE_INPUT for the 6 healthy symbols: %s (total %d)%n", new TreeMap<>(badSeconds),
                badSeconds.values().stream().mapToInt(Integer::intValue).sum());
        Map<UpstreamService, Long> added = new EnumMap<>(UpstreamService.class);
        connectionErrors.forEach((service, n) -> added.put(service, n - connectionErrorsAtStart.getOrDefault(service, 0L)));
        System.out.printf("connection errors during the run per service (the LSTM was restarted): %s%n", added);
        System.out.printf("trading engine at the end: %s, circuit %s; says: %s%n", te.state(), te.circuit(), te.failing());
        System.out.printf("LSTM at the end: %s; says: %s%n", lstm.state(), lstm.failing());
        System.exit(0);
    }

    private static Map<UpstreamService, Long> connectionErrors(DeskComposition desk) {
        Map<UpstreamService, Long> errors = new HashMap<>();
        desk.liveHealth().forEach((service, h) -> errors.put(service, h.connectionFailures()));
        return errors;
    }

    private static String healthLine(DeskComposition desk) {
        StringBuilder line = new StringBuilder();
        desk.liveHealth().forEach((service, h) -> line.append(service.displayName()).append(' ').append(h.state()).append("; "));
        return line.toString();
    }
}
