package io.kellydesk.desk.table;

import io.kellydesk.desk.fx.FxCoalescer;
import io.kellydesk.engine.DeskEvent;
import io.kellydesk.engine.EventBus;
import io.kellydesk.engine.SymbolStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * Every symbol as a {@link SymbolRow}, for the table and the positions panel: one row per symbol, replaced in
 * place when its recommendation changes, filtered by the tile toolbar's filter. Updates are gathered off the FX thread
 * (newest per symbol) and applied five times a second in one go: a sorted table of 500 symbols × 1 update/s then
 * re-sorts and lays out 5 times a second, not at every pulse (measured: FX thread 30.8 % per pulse, see the note of
 * issue 20); every fifth application also moves stale rows' ages on. The symbol set comes through the coalescer.
 * FX thread, except {@link #offer}.
 */
public final class SymbolRowsViewModel {

    private final EventBus bus;
    private final FxCoalescer fx;
    private final Clock clock;
    private final String name;
    private final ObservableList<SymbolRow> all = FXCollections.observableArrayList();
    private final Map<String, Integer> indexBySymbol = new HashMap<>();
    private final FilteredList<SymbolRow> shown = new FilteredList<>(all);
    private final Consumer<String> onSelect;
    private final List<EventBus.Subscription> subscriptions = new ArrayList<>();

    /**
     * @param name     keys this model's coalesced updates apart from another's ("table", "positions")
     * @param shows    the toolbar's filter: whether a symbol with its row shows
     * @param filters  what {@code shows} depends on; a change filters again
     * @param onSelect told the symbol of a row the trader selects
     */
    public SymbolRowsViewModel(String name, EventBus bus, FxCoalescer fx, Clock clock, BiPredicate<String, SymbolRow> shows,
                               List<Observable> filters, Consumer<String> onSelect) {
        this.name = name;
        this.bus = bus;
        this.fx = fx;
        this.clock = clock;
        this.onSelect = onSelect;
        Runnable refilter = () -> shown.setPredicate(row -> shows.test(row.symbol(), row));
        filters.forEach(f -> f.addListener(o -> refilter.run()));
        refilter.run();
    }

    /** How often gathered updates reach the rows. */
    public static final javafx.util.Duration APPLY_EVERY = javafx.util.Duration.millis(200);

    private final java.util.concurrent.ConcurrentHashMap<String, io.kellydesk.engine.SymbolSnapshot> pending =
            new java.util.concurrent.ConcurrentHashMap<>();
    private long applications;
    private final javafx.animation.Timeline apply = new javafx.animation.Timeline(new javafx.animation.KeyFrame(APPLY_EVERY, e -> {
        applyPending();
        if (++applications % 5 == 0) {
            tick(); // once a second
        }
    }));

    public void activate() {
        subscriptions.add(bus.subscribe(DeskEvent.RecommendationChanged.class, e -> offer(e.snapshot())));
        subscriptions.add(bus.subscribe(DeskEvent.SymbolsChanged.class,
                e -> fx.post(name + "-symbols", () -> retain(Set.copyOf(e.symbols())))));
        apply.setCycleCount(javafx.animation.Animation.INDEFINITE);
        apply.play();
    }

    public void deactivate() {
        subscriptions.forEach(EventBus.Subscription::close);
        subscriptions.clear();
        apply.stop();
    }

    /** Any thread: keeps the symbol's newest snapshot until the next application. */
    public void offer(io.kellydesk.engine.SymbolSnapshot snapshot) {
        pending.put(snapshot.symbol(), snapshot);
    }

    /** Applies what was gathered since the last time, newest per symbol. */
    public void applyPending() {
        if (pending.isEmpty()) {
            return;
        }
        java.time.Instant now = clock.instant();
        for (String symbol : List.copyOf(pending.keySet())) {
            io.kellydesk.engine.SymbolSnapshot snapshot = pending.remove(symbol);
            if (snapshot != null) {
                upsert(SymbolRow.of(snapshot, now));
            }
        }
    }

    /** Puts the row in the place of its symbol's, or adds it. */
    public void upsert(SymbolRow row) {
        Integer at = indexBySymbol.get(row.symbol());
        if (at == null) {
            // a new symbol goes in by name (the table's order when no column sorts); rare, so re-indexing is fine
            int place = 0;
            while (place < all.size() && all.get(place).symbol().compareTo(row.symbol()) < 0) {
                place++;
            }
            all.add(place, row);
            reindex();
        } else {
            all.set(at, row);
        }
    }

    /** Only the symbols the engine sizes now keep their rows. */
    public void retain(Set<String> symbols) {
        if (all.removeIf(r -> !symbols.contains(r.symbol()))) {
            reindex();
        }
    }

    private void reindex() {
        indexBySymbol.clear();
        for (int i = 0; i < all.size(); i++) {
            indexBySymbol.put(all.get(i).symbol(), i);
        }
    }

    /** The once-a-second tick: a stale row's ages move on (its snapshot does not change while it is stale). */
    public void tick() {
        java.time.Instant now = clock.instant();
        for (int i = 0; i < all.size(); i++) {
            SymbolRow row = all.get(i);
            if (row.status().kind() == SymbolStatus.Kind.STALE) {
                all.set(i, SymbolRow.of(row.snapshot(), now));
            }
        }
    }

    public void select(String symbol) {
        onSelect.accept(symbol);
    }

    /** The rows the filter lets through, by name (the view sorts). */
    public FilteredList<SymbolRow> shown() {
        return shown;
    }

    /** Every row, filtered or not (the portfolio's totals count them all). */
    public ObservableList<SymbolRow> all() {
        return all;
    }
}
