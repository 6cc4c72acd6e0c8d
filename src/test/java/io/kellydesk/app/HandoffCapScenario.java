package io.kellydesk.app;

import io.kellydesk.core.Recommendation;
import io.kellydesk.demo.DemoServices;
import io.kellydesk.engine.PositionWords;
import io.kellydesk.engine.SymbolSnapshot;
import io.kellydesk.handoff.HandoffRecord;
import io.kellydesk.handoff.HandoffStatus;
import io.kellydesk.handoff.OrderTicket;
import io.kellydesk.settings.SettingsFiles;
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
        Map<String, Integer> worst = new HashMap<>();
        AtomicInteger samples = new AtomicInteger();
        Thread watcher = Thread.ofPlatform().daemon().name("kd-cap-watch").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                for (Map.Entry<String, Integer> e : engineBook(demo).entrySet()) {
                    worst.merge(e.getKey(), Math.abs(e.getValue()), Math::max);
                }
                samples.incrementAndGet();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        });
        int accepted = 0;
        int refused = 0;
        Map<String, Integer> byAction = new HashMap<>();
        long start = System.nanoTime();
        while (accepted < wanted && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(15)) {
            boolean sent = false;
            for (SymbolSnapshot s : desk.engine().snapshots()) {
                Recommendation r = s.recommendation();
                if (!r.hasOrder() || desk.handoffs().unresolved(r.symbol()).isPresent()) {
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
                        sent = true;
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    refused++; // current data no longer offered it (a fill or a new epoch came first)
                }
                if (accepted >= wanted) {
                    break;
                }
            }
            Thread.sleep(sent ? 300 : 1_000);
        }
        // let the last fills land, still watching
        Thread.sleep(7_000);
        watcher.interrupt();
        watcher.join();
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

    private static DemoServices waitForDemo(DeskComposition desk) throws InterruptedException {
        for (int i = 0; i < 200 && (desk.demo().isEmpty() || desk.engine().snapshots().size() < 8); i++) {
            Thread.sleep(100);
        }
        return desk.demo().orElseThrow();
    }
}
