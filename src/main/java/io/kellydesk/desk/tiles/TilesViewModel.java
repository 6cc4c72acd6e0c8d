package io.kellydesk.desk.tiles;

import io.kellydesk.core.HandoffRecord;
import io.kellydesk.desk.fx.FxCoalescer;
import io.kellydesk.desk.fx.FxTasks;
import io.kellydesk.engine.DecisionBrowser;
import io.kellydesk.engine.DeskEvent;
import io.kellydesk.engine.EventBus;
import io.kellydesk.engine.SymbolSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The tile grid's state and rules: which symbols show (filter text, tradable only), in which order (watchlist,
 * symbol, edge, contracts), which one is selected; and, while active, the engine's events for the grid, coalesced
 * per symbol (newest wins, one FX hop per pulse). FX thread, except that events arrive through the coalescer.
 */
public final class TilesViewModel {

    /** How the tiles are ordered. */
    public enum TileOrder {
        WATCHLIST("Watchlist order"), SYMBOL("Symbol"), EDGE("Edge, highest first"), CONTRACTS("Contracts, most first");

        private final String words;

        TileOrder(String words) {
            this.words = words;
        }

        @Override
        public String toString() {
            return words;
        }
    }

    /** What the grid is told, on the FX thread. */
    public interface Updates {
        void snapshot(SymbolSnapshot snapshot);

        /** The symbols the engine sizes now: tiles of others go. */
        void symbols(Set<String> symbols);

        void handoff(HandoffRecord handoff);
    }

    private final EventBus bus;
    private final FxCoalescer fx;
    private final Consumer<String> onSelect;
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final BooleanProperty tradableOnly = new SimpleBooleanProperty(this, "tradableOnly", false);
    private final ObjectProperty<TileOrder> order = new SimpleObjectProperty<>(this, "order", TileOrder.WATCHLIST);
    private final ObjectProperty<List<String>> watchlist = new SimpleObjectProperty<>(this, "watchlist", List.of());
    private final StringProperty selected = new SimpleStringProperty(this, "selected");
    private final List<EventBus.Subscription> subscriptions = new ArrayList<>();
    private Optional<DecisionBrowser> history = Optional.empty();
    /**
     * The filter as compared (trimmed, upper case), recomputed when the text changed, not for every tile of every
     * relayout. Read lazily: the grid's relayout may run before a change listener would have updated it.
     */
    private String normalizedFilter = "";
    private String normalizedFrom = "";
    private FxTasks tasks = FxTasks.sameThread();

    /** @param onSelect told the symbol of a tile the trader selects */
    public TilesViewModel(EventBus bus, FxCoalescer fx, Consumer<String> onSelect) {
        this.bus = bus;
        this.fx = fx;
        this.onSelect = onSelect;
    }

    /** New tiles start their sparkline from the log's last hour, read in the background. */
    public void seedSparklinesFrom(DecisionBrowser source, FxTasks background) {
        this.history = Optional.of(source);
        this.tasks = background;
    }

    public void activate(Updates grid) {
        subscriptions.add(bus.subscribe(DeskEvent.RecommendationChanged.class,
                e -> fx.post("tile-" + e.snapshot().symbol(), () -> grid.snapshot(e.snapshot()))));
        subscriptions.add(bus.subscribe(DeskEvent.SymbolsChanged.class,
                e -> fx.post("tile-symbols", () -> grid.symbols(Set.copyOf(e.symbols())))));
        subscriptions.add(bus.subscribe(DeskEvent.HandoffChanged.class,
                e -> fx.post("tile-handoff-" + e.handoff().symbol(), () -> grid.handoff(e.handoff()))));
    }

    public void deactivate() {
        subscriptions.forEach(EventBus.Subscription::close);
        subscriptions.clear();
    }

    /** The symbol's Kelly fraction used over the last hour, for its new sparkline; nothing when there is no log. */
    public void pastHour(String symbol, Consumer<List<Map.Entry<Instant, Double>>> seed) {
        history.ifPresent(log -> tasks.call(() -> log.fractionsUsed(symbol, Duration.ofHours(1)), seed,
                problem -> { })); // a tile without its past hour still shows its live sparkline
    }

    /** Runs {@code step} once at the next pulse however often it is asked for before then (keyed). */
    public void onceThisPulse(String key, Runnable step) {
        fx.post(key, step);
    }

    public void select(String symbol) {
        selected.set(symbol);
        onSelect.accept(symbol);
    }

    /** Whether a tile shows under the filters ({@code snapshot} null before its first). */
    public boolean shows(String symbol, SymbolSnapshot snapshot) {
        String raw = filterText.get() == null ? "" : filterText.get();
        if (!raw.equals(normalizedFrom)) {
            normalizedFrom = raw;
            normalizedFilter = raw.trim().toUpperCase(Locale.ROOT);
        }
        String filter = normalizedFilter;
        return (filter.isEmpty() || symbol.toUpperCase(Locale.ROOT).contains(filter))
                && (!tradableOnly.get() || (snapshot != null && snapshot.recommendation().isTrade()));
    }

    /** The order of the tiles, by the chosen key; ties by symbol. */
    public <T> Comparator<T> order(Function<T, String> symbol, Function<T, SymbolSnapshot> snapshot) {
        Comparator<T> bySymbol = Comparator.comparing(symbol);
        return switch (order.get() == null ? TileOrder.WATCHLIST : order.get()) {
            case WATCHLIST -> Comparator.<T>comparingInt(t -> watchlistRank(symbol.apply(t))).thenComparing(bySymbol);
            case SYMBOL -> bySymbol;
            case EDGE -> Comparator.<T>comparingDouble(t -> snapshot.apply(t) == null ? Double.NEGATIVE_INFINITY
                    : snapshot.apply(t).recommendation().expectedEdge().orElse(Double.NEGATIVE_INFINITY)).reversed().thenComparing(bySymbol);
            case CONTRACTS -> Comparator.<T>comparingInt(t -> snapshot.apply(t) == null ? 0
                    : snapshot.apply(t).recommendation().contracts()).reversed().thenComparing(bySymbol);
        };
    }

    /** Whether a new value can move a tile (then the grid re-sorts once per coalesced batch). */
    public boolean orderFollowsValues() {
        return tradableOnly.get() || order.get() == TileOrder.EDGE || order.get() == TileOrder.CONTRACTS;
    }

    /** A watchlist entry names a contract ("NQZ26-CME") or its root ("NQ"), which covers every month of it. */
    private int watchlistRank(String symbol) {
        List<String> list = watchlist.get();
        int exact = list.indexOf(symbol);
        if (exact >= 0) {
            return exact;
        }
        for (int i = 0; i < list.size(); i++) {
            if (symbol.startsWith(list.get(i))) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public BooleanProperty tradableOnlyProperty() {
        return tradableOnly;
    }

    public ObjectProperty<TileOrder> orderProperty() {
        return order;
    }

    /** The trader's watchlist (the settings' Desk section); empty: every symbol by name. */
    public ObjectProperty<List<String>> watchlistProperty() {
        return watchlist;
    }

    public StringProperty selectedProperty() {
        return selected;
    }
}
