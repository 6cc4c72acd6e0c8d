package io.kellydesk.desk.tiles;

import io.kellydesk.core.Account;
import io.kellydesk.core.Direction;
import io.kellydesk.core.KellySizer;
import io.kellydesk.core.ModelId;
import io.kellydesk.core.PayoffStatistics;
import io.kellydesk.core.Prediction;
import io.kellydesk.core.Quote;
import io.kellydesk.core.Recommendation;
import io.kellydesk.core.SizingContext;
import io.kellydesk.core.SizingInputs;
import io.kellydesk.core.SizingSettings;
import io.kellydesk.engine.DeskEvent;
import io.kellydesk.engine.EventBus;
import io.kellydesk.engine.SymbolSnapshot;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import io.kellydesk.desk.fx.Theme;
import io.kellydesk.desk.fx.FxCoalescer;

/**
 * Issue 6's FX load: 100 symbols each updated 4 times a second through the real event bus, coalescer and tile
 * presenter, in a headless (Monocle, software) scene of the desk's size. Measures, per pulse, the FX thread's
 * CSS + layout work (scene pre/post layout pulse listeners) and, per FX hop, the coalesced update work; and the FX
 * thread's CPU time over the run, after a warm-up (JIT, first layouts). Run: {@code mvn -Pload verify
 * -Dload.main=io.kellydesk.desk.tiles.FxPulseScenario} (-Dfx.seconds=60 -Dfx.warmUpSeconds=15 are the defaults); the
 * table of 500 symbols at 1 update/s: add {@code -Dfx.view=table -Dfx.symbols=500 -Dfx.rate=1}.
 */
public final class FxPulseScenario {

    private static final int SYMBOLS = Integer.getInteger("fx.symbols", 100);
    private static final int UPDATES_PER_SECOND = Integer.getInteger("fx.rate", 4);
    /** "tiles" (the grid) or "table" (the symbol table of issue 20: -Dfx.view=table -Dfx.symbols=500 -Dfx.rate=1). */
    private static final String VIEW = System.getProperty("fx.view", "tiles");
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("fx.seconds", 60));
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("fx.warmUpSeconds", 15));

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", "1920x1200-32");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();

        EventBus bus = new EventBus();
        List<Long> hopNanos = Collections.synchronizedList(new ArrayList<>());
        List<Long> pulseNanos = Collections.synchronizedList(new ArrayList<>());
        AtomicLong fxThreadId = new AtomicLong();
        // the FX executor, timed: every coalesced hop's work is measured on the FX thread
        FxCoalescer fx = new FxCoalescer(task -> Platform.runLater(() -> {
            long t = System.nanoTime();
            task.run();
            hopNanos.add(System.nanoTime() - t);
        }));
        CountDownLatch shown = new CountDownLatch(1);
        Platform.runLater(() -> {
            fxThreadId.set(Thread.currentThread().threadId());
            javafx.scene.Parent root;
            if (VIEW.equals("table")) {
                var rows = new io.kellydesk.desk.table.SymbolRowsViewModel("table", bus, fx, Clock.systemUTC(), (symbol, row) -> true,
                        List.of(), symbol -> { });
                rows.activate();
                var table = new io.kellydesk.desk.table.SymbolTableView("symbol-table", rows, io.kellydesk.desk.table.SymbolColumn.table(),
                        new io.kellydesk.core.TableLayout(List.of(), List.of(), "p", false), layout -> { });
                root = table.table(); // sorted by p, descending: every update may move its row
            } else {
                FlowPane pane = new FlowPane(12, 12);
                ScrollPane scroll = new ScrollPane(pane);
                scroll.setFitToWidth(true);
                new TilesView(pane, new TilesViewModel(bus, fx, symbol -> { }), Clock.systemUTC()).activate();
                root = scroll;
            }
            Scene scene = new Scene(root, 1440, 900);
            Theme.DARK.applyTo(scene);
            long[] layoutStart = {0};
            scene.addPreLayoutPulseListener(() -> layoutStart[0] = System.nanoTime());
            scene.addPostLayoutPulseListener(() -> pulseNanos.add(System.nanoTime() - layoutStart[0]));
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            shown.countDown();
        });
        shown.await();

        List<SymbolSnapshot> variants = variants();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // warm up (JIT, first layouts), then measure
        publish(bus, variants, WARM_UP);
        hopNanos.clear();
        pulseNanos.clear();
        long cpuStart = threads.getThreadCpuTime(fxThreadId.get());
        long wallStart = System.nanoTime();
        long events = publish(bus, variants, RUN);
        long wall = System.nanoTime() - wallStart;
        long cpu = threads.getThreadCpuTime(fxThreadId.get()) - cpuStart;
        List<Long> pulses;
        List<Long> hops;
        synchronized (pulseNanos) {
            pulses = new ArrayList<>(pulseNanos);
        }
        synchronized (hopNanos) {
            hops = new ArrayList<>(hopNanos);
        }
        Collections.sort(pulses);
        Collections.sort(hops);
        System.out.printf(Locale.ROOT, "%s: %d symbols × %d updates/s for %d s: %,d events published, %,d FX hops, %,d layout pulses%n",
                VIEW, SYMBOLS, UPDATES_PER_SECOND, RUN.toSeconds(), events, hops.size(), pulses.size());
        System.out.printf(Locale.ROOT, "FX pulse CSS+layout: median %.2f ms, p99 %.2f ms, max %.2f ms (target p99 <= 16 ms)%n",
                pct(pulses, 0.5), pct(pulses, 0.99), pulses.isEmpty() ? 0 : pulses.getLast() / 1e6);
        System.out.printf(Locale.ROOT, "FX pulse CSS+layout distribution: p90 %.2f ms, p95 %.2f ms, p98 %.2f ms; %d of %d over 16 ms%n",
                pct(pulses, 0.90), pct(pulses, 0.95), pct(pulses, 0.98), pulses.stream().filter(n -> n > 16_000_000L).count(), pulses.size());
        System.out.printf(Locale.ROOT, "FX hop (coalesced tile updates): median %.2f ms, p99 %.2f ms, max %.2f ms%n",
                pct(hops, 0.5), pct(hops, 0.99), hops.isEmpty() ? 0 : hops.getLast() / 1e6);
        System.out.printf(Locale.ROOT, "FX thread busy (CPU time / wall time): %.1f %% (target < 30 %%)%n", 100.0 * cpu / wall);
        Platform.exit();
        System.exit(0);
    }

    /** Publishes updates round-robin over the symbols at the target rate; returns how many. */
    private static long publish(EventBus bus, List<SymbolSnapshot> variants, Duration length) {
        long intervalNanos = 1_000_000_000L / (SYMBOLS * UPDATES_PER_SECOND);
        long end = System.nanoTime() + length.toNanos();
        long next = System.nanoTime();
        long count = 0;
        SplittableRandom random = new SplittableRandom(7);
        while (System.nanoTime() < end) {
            int symbol = (int) (count % SYMBOLS);
            SymbolSnapshot base = variants.get(random.nextInt(variants.size()));
            SymbolSnapshot snapshot = new SymbolSnapshot("SIM" + symbol, base.recommendation(), base.computedAt(),
                    base.predictions(), base.quote(), base.maxAge(), base.history(), base.bars());
            bus.publish(new DeskEvent.RecommendationChanged(snapshot));
            count++;
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
        return count;
    }

    /** Real recommendations across the range: trades of 1–5 contracts, no-trades, shorts and longs. */
    private static List<SymbolSnapshot> variants() {
        List<SymbolSnapshot> list = new ArrayList<>();
        Instant now = Instant.now();
        SizingContext ctx = SizingContext.of(SizingSettings.defaults(), null);
        for (int i = 0; i < 40; i++) {
            double c = 0.52 + i * 0.01;
            Direction d = i % 2 == 0 ? Direction.LONG : Direction.SHORT;
            Prediction p = new Prediction(ModelId.LSTM, "SIM", d, c, Map.of(), "", now);
            double equity = 20_000 + i * 5_000;
            SizingInputs in = io.kellydesk.testing.TestInputs.inputs("SIM", now, Optional.of(p), Optional.empty(), PayoffStatistics.NONE,
                    Optional.of(new Account("A", equity, equity, "USD", now)),
                    Optional.of(new Quote("SIM", 100, 100, 100, 0.25, 20, "USD", 85.5, 14, now)), List.of(), Set.of());
            Recommendation r = KellySizer.recommend(in, ctx);
            SymbolSnapshot.InputStatus fresh = new SymbolSnapshot.InputStatus(Optional.of(now), Optional.empty());
            list.add(new SymbolSnapshot("SIM", r, now, fresh, fresh, fresh, Duration.ofSeconds(60)));
        }
        return list;
    }

    private static double pct(List<Long> sortedNanos, double q) {
        return sortedNanos.isEmpty() ? 0 : sortedNanos.get(Math.max(0, (int) Math.ceil(q * sortedNanos.size()) - 1)) / 1e6;
    }
}
