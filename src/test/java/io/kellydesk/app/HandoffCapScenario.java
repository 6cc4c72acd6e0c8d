package io.kellydesk.app;

import io.kellydesk.core.Recommendation;
import io.kellydesk.demo.DemoServices;
import io.kellydesk.engine.PositionWords;
import io.kellydesk.engine.SymbolSnapshot;
import io.kellydesk.core.HandoffRecord;
import io.kellydesk.core.HandoffStatus;
import io.kellydesk.core.OrderTicket;
import io.kellydesk.settings.SettingsFiles;
import io.kellydesk.testing.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The issue-15 acceptance run, on demand: the desk on its demo services (real HTTP, real SQLite, the demo engine
 * filling after 1–5 s, large orders in two parts), handing off whatever order each symbol offers until
 * {@code -Dscenario.handoffs} (20) were accepted. Every 20 ms it reads the demo engine's own books, held plus unfilled
 * working, per symbol, and reports the largest |x| against the position cap (5; no drawdown is forced).
 *
 * <p>{@code mvn -Pload verify -Dload.main=io.kellydesk.app.HandoffCapScenario}
 */
public final class HandoffCapScenario {

    private HandoffCapScenario() {
    }

    public static void main(String[] args) throws Exception {
        int wanted = Integer.getInteger("scenario.handoffs", 20);
        Path dir = Files.createTempDirectory("kd-handoff-cap");
        Path settings = dir.resolve("settings.json");
        SettingsFiles.createWithDefaultsIfMissing(settings);
        DeskComposition desk = new DeskComposition(new AppOptions(settings, dir.resolve("data"), AppOptions.DemoMode.ON),
                BuildInfo.load(), Runnable::run, Clock.systemUTC());
        desk.startServices();
        DemoServices demo = waitForDemo(desk);
        int cap = desk.engine().context().settings().maxPositionSizeContracts();
        Map<String, Integer> worst = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger samples = new AtomicInteger();
        java.util.concurrent.ScheduledExecutorService watcher = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().daemon().name("kd-cap-watch").unstarted(r));
        watcher.scheduleAtFixedRate(() -> {
            for (Map.Entry<String, Integer> e : engineBook(demo).entrySet()) {
                worst.merge(e.getKey(), Math.abs(e.getValue()), Math::max);
            }
            samples.incrementAndGet();
        }, 0, 20, TimeUnit.MILLISECONDS);
        int accepted = 0;
        int refused = 0;
        Map<String, Integer> byAction = new HashMap<>();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MINUTES.toNanos(15);
        while (accepted < wanted && System.nanoTime() < deadline) {
            // the next order on offer: after a fill, or when a new epoch turns a symbol
            Eventually.await(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())), "an order on offer",
                    () -> desk.engine().snapshots().stream().anyMatch(s -> offers(desk, s)));
            for (SymbolSnapshot s : desk.engine().snapshots()) {
                Recommendation r = s.recommendation();
                if (!offers(desk, s)) {
                    continue;
                }
                OrderTicket ticket = OrderTicket.from(r, "USD", r.estimate().map(e -> e.rawWinProbability()).orElse(0.0),
                        OptionalDouble.empty());
                try {
                    HandoffRecord done = desk.handoffs().handOff(ticket).get(60, TimeUnit.SECONDS);
                    if (done.status() == HandoffStatus.ACCEPTED) {
                        accepted++;
                        byAction.merge(r.action().name(), 1, Integer::sum);
                        System.out.printf("%2d  %-12s %-7s %-4s %d   (%s)%n", accepted, r.symbol(), r.action(),
                                ticket.side(), ticket.quantityContracts(), PositionWords.orderLine(r));
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    refused++; // current data no longer offered it (a fill or a new epoch came first)
                }
                if (accepted >= wanted) {
                    break;
                }
            }
        }
        // the last fills land (1-5 s), still watched
        Eventually.await(Duration.ofSeconds(30), "every order filled", () -> demo.workingOrderCount() == 0);
        watcher.shutdown();
        watcher.awaitTermination(5, TimeUnit.SECONDS);
        int max = worst.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        System.out.println();
        System.out.printf("handoffs accepted %d (%s), refused on re-check %d, in %.0f s%n", accepted, byAction, refused,
                (System.nanoTime() - start) / 1e9);
        System.out.printf("engine books sampled %d times (every 20 ms): largest |held + working| per symbol %s%n", samples.get(), worst);
        System.out.printf("position cap %d: %s%n", cap, max <= cap ? "never exceeded (max " + max + ")" : "EXCEEDED (max " + max + ")");
        System.out.printf("engine orders %d, one per accepted handoff: %s%n", demo.acceptedOrders().size(),
                demo.acceptedOrders().size() == accepted);
        desk.close();
        System.exit(max <= cap && demo.acceptedOrders().size() == accepted ? 0 : 1);
    }

    /** The demo engine's own held + unfilled working contracts per symbol (the truth the desk polls). */
    private static Map<String, Integer> engineBook(DemoServices demo) {
        return demo.exposureContracts();
    }

    /**
     * An order the symbol offers with no earlier one of unknown outcome. (A handoff runs to its answer before the next
     * starts, and an accepted order counts as working, so a symbol just handed off offers nothing until it moves.)
     */
    private static boolean offers(DeskComposition desk, SymbolSnapshot s) {
        return s.recommendation().hasOrder() && desk.handoffs().unresolved(s.symbol()).isEmpty();
    }

    private static DemoServices waitForDemo(DeskComposition desk) {
        Eventually.await(Duration.ofSeconds(20), "the demo up and 8 symbols sized",
                () -> desk.demo().isPresent() && desk.engine().snapshots().size() >= 8);
        return desk.demo().orElseThrow();
    }
}
