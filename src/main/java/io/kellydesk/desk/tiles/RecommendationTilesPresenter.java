package io.kellydesk.desk.tiles;

import io.kellydesk.engine.DeskEvent;
import io.kellydesk.engine.EventBus;
import io.kellydesk.engine.SymbolSnapshot;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.layout.FlowPane;
import io.kellydesk.desk.fx.ScrollIntoView;
import io.kellydesk.desk.fx.FxCoalescer;
import io.kellydesk.desk.ticket.HandoffWords;

/**
 * Keeps one tile per symbol in the tile pane, in symbol order. Engine events are coalesced per symbol (newest
 * wins, one FX hop per pulse); a one-second FX timeline only moves the ages of stale inputs on.
 */
public final class RecommendationTilesPresenter {

    private final FlowPane pane;
    private final EventBus bus;
    private final FxCoalescer fx;
    private final Clock clock;
    private final Map<String, RecommendationTile> tiles = new TreeMap<>();
    private final List<EventBus.Subscription> subscriptions = new ArrayList<>();
    private final Timeline ages;

    private final java.util.function.Consumer<String> onSelect;
    private String selected;

    /** @param onSelect told the symbol of a tile the trader clicks (FX thread) */
    public RecommendationTilesPresenter(FlowPane pane, EventBus bus, FxCoalescer fx, Clock clock,
                                        java.util.function.Consumer<String> onSelect) {
        this.onSelect = onSelect;
        this.pane = pane;
        this.bus = bus;
        this.fx = fx;
        this.clock = clock;
        this.ages = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> {
            java.time.Instant now = clock.instant();
            javafx.geometry.Bounds view = viewInScene();
            tiles.values().stream().filter(t -> isInView(t, view)).forEach(t -> t.tick(now));
        }));
        ages.setCycleCount(Timeline.INDEFINITE);
    }

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

    private io.kellydesk.engine.DecisionBrowser history;
    private io.kellydesk.desk.fx.FxTasks tasks;

    /** New tiles start their sparkline from the log's last hour (read in the background). FX thread. */
    public void seedSparklinesFrom(io.kellydesk.engine.DecisionBrowser source, io.kellydesk.desk.fx.FxTasks background) {
        this.history = source;
        this.tasks = background;
    }

    private String filterText = "";
    private boolean tradableOnly;
    private TileOrder order = TileOrder.WATCHLIST;
    private List<String> watchlist = List.of();

    /**
     * The trader's watchlist (from the settings' Desk section): tiles in this order under "Watchlist order", symbols
     * not on it after, by name. Empty: every symbol by name. FX thread.
     */
    public void setWatchlist(List<String> symbols) {
        watchlist = List.copyOf(symbols);
        relayout();
    }

    /** A watchlist entry names a contract ("NQZ26-CME") or its root ("NQ"), which covers every month of it. */
    private int watchlistRank(RecommendationTile tile) {
        int exact = watchlist.indexOf(tile.symbol());
        if (exact >= 0) {
            return exact;
        }
        for (int i = 0; i < watchlist.size(); i++) {
            if (tile.symbol().startsWith(watchlist.get(i))) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** Connects the toolbar: filter text, tradable-only toggle, order. FX thread. */
    public void bindToolbar(javafx.scene.control.TextField filter, javafx.scene.control.ToggleButton tradable,
                            javafx.scene.control.ComboBox<TileOrder> orderBox) {
        orderBox.getItems().setAll(TileOrder.values());
        orderBox.setValue(order);
        filter.textProperty().addListener((obs, was, now) -> {
            filterText = now == null ? "" : now.trim().toUpperCase(java.util.Locale.ROOT);
            relayout();
        });
        tradable.selectedProperty().addListener((obs, was, now) -> {
            tradableOnly = now;
            relayout();
        });
        orderBox.valueProperty().addListener((obs, was, now) -> {
            order = now == null ? TileOrder.WATCHLIST : now;
            relayout();
        });
        pane.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, this::onKey);
    }

    /** Arrows move the selection through the visible tiles (up and down by a row); Enter explains it. */
    private void onKey(javafx.scene.input.KeyEvent e) {
        List<RecommendationTile> visible = visibleTiles();
        if (visible.isEmpty()) {
            return;
        }
        int at = 0;
        for (int i = 0; i < visible.size(); i++) {
            if (visible.get(i).symbol().equals(selected)) {
                at = i;
            }
        }
        double cell = RecommendationTile.WIDTH + pane.getHgap();
        int columns = Math.max(1, (int) ((pane.getWidth() - pane.getPadding().getLeft() - pane.getPadding().getRight() + pane.getHgap()) / cell));
        Integer wanted = switch (e.getCode()) {
            case LEFT -> at - 1;
            case RIGHT -> at + 1;
            case UP -> at - columns;
            case DOWN -> at + columns;
            case ENTER -> at;
            default -> null; // not a tile key
        };
        if (wanted == null) {
            return;
        }
        int next = Math.max(0, Math.min(visible.size() - 1, wanted));
        RecommendationTile target = visible.get(next);
        select(target.symbol());
        target.node().requestFocus();
        if (scroll != null) {
            ScrollIntoView.node(scroll, target.node()); // the arrows may walk past the bottom of the view
        }
        e.consume();
    }

    private List<RecommendationTile> visibleTiles() {
        java.util.Comparator<RecommendationTile> comparator = switch (order) {
            case WATCHLIST -> java.util.Comparator.comparingInt(this::watchlistRank).thenComparing(RecommendationTile::symbol);
            case SYMBOL -> java.util.Comparator.comparing(RecommendationTile::symbol);
            case EDGE -> java.util.Comparator.<RecommendationTile>comparingDouble(t -> t.snapshot() == null ? Double.NEGATIVE_INFINITY
                    : t.snapshot().recommendation().expectedEdge().orElse(Double.NEGATIVE_INFINITY)).reversed()
                    .thenComparing(RecommendationTile::symbol);
            case CONTRACTS -> java.util.Comparator.<RecommendationTile>comparingInt(t -> t.snapshot() == null ? 0
                    : t.snapshot().recommendation().contracts()).reversed().thenComparing(RecommendationTile::symbol);
        };
        return tiles.values().stream()
                .filter(t -> filterText.isEmpty() || t.symbol().toUpperCase(java.util.Locale.ROOT).contains(filterText))
                .filter(t -> !tradableOnly || (t.snapshot() != null && t.snapshot().recommendation().isTrade()))
                .sorted(comparator).toList();
    }

    /** Puts the visible tiles in order; touches the scene graph only when the order or the set changed. */
    private void relayout() {
        List<javafx.scene.Node> nodes = visibleTiles().stream().map(t -> (javafx.scene.Node) t.node()).toList();
        if (!nodes.equals(pane.getChildren())) {
            pane.getChildren().setAll(nodes);
            requestReveal(); // tiles moved: some may have come into view
        }
    }

    // ---------------------------------------------------------------- tiles out of view
    // A tile scrolled out of view (or filtered out) keeps only the newest snapshot and touches no node; it shows
    // it when it comes into view. With 100 symbols and room for about 20 tiles this spares most of the FX work,
    // as a virtualised list does for its rows.

    private javafx.scene.control.ScrollPane scroll;
    private boolean revealRequested;
    private final Runnable revealAfterLayout = () -> {
        if (revealRequested) {
            revealRequested = false;
            revealHeld();
        }
    };
    private final javafx.beans.InvalidationListener viewMoved = o -> requestReveal();
    private final javafx.beans.value.ChangeListener<javafx.scene.Scene> sceneChanged = (obs, was, now) -> {
        if (was != null) {
            was.removePostLayoutPulseListener(revealAfterLayout);
        }
        if (now != null) {
            now.addPostLayoutPulseListener(revealAfterLayout);
        }
        watchScroll(enclosingScroll());
    };

    private void requestReveal() {
        revealRequested = true;
        javafx.application.Platform.requestNextPulse();
    }

    private void revealHeld() {
        java.time.Instant now = clock.instant();
        javafx.geometry.Bounds view = viewInScene();
        for (RecommendationTile tile : tiles.values()) {
            if (isInView(tile, view)) {
                tile.showHeld(now); // shows the status with its ages and the sparkline as of now
            }
        }
    }

    /** The scroll pane's viewport in scene coordinates, or null without a scroll pane: computed once per pass. */
    private javafx.geometry.Bounds viewInScene() {
        return scroll == null ? null : scroll.localToScene(scroll.getLayoutBounds());
    }

    private boolean isInView(RecommendationTile tile) {
        return isInView(tile, viewInScene());
    }

    /** In the grid and inside {@code view} (or no scroll pane around the grid: always). */
    private boolean isInView(RecommendationTile tile, javafx.geometry.Bounds view) {
        javafx.scene.Node node = tile.node();
        if (node.getParent() != pane) {
            return false; // filtered out
        }
        if (view == null || node.getScene() == null) {
            return true;
        }
        return view.intersects(node.localToScene(node.getLayoutBounds()));
    }

    private javafx.scene.control.ScrollPane enclosingScroll() {
        for (javafx.scene.Parent p = pane.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane found) {
                return found;
            }
        }
        return null;
    }

    private void watchScroll(javafx.scene.control.ScrollPane next) {
        if (scroll == next) {
            return;
        }
        if (scroll != null) {
            scroll.vvalueProperty().removeListener(viewMoved);
            scroll.hvalueProperty().removeListener(viewMoved);
            scroll.viewportBoundsProperty().removeListener(viewMoved);
        }
        scroll = next;
        if (scroll != null) {
            scroll.vvalueProperty().addListener(viewMoved);
            scroll.hvalueProperty().addListener(viewMoved);
            scroll.viewportBoundsProperty().addListener(viewMoved);
        }
    }

    public void activate() {
        subscriptions.add(bus.subscribe(DeskEvent.RecommendationChanged.class,
                e -> fx.post("tile-" + e.snapshot().symbol(), () -> show(e.snapshot()))));
        subscriptions.add(bus.subscribe(DeskEvent.SymbolsChanged.class,
                e -> fx.post("tile-symbols", () -> keepOnly(Set.copyOf(e.symbols())))));
        subscriptions.add(bus.subscribe(DeskEvent.HandoffChanged.class, e -> fx.post("tile-handoff-" + e.handoff().symbol(), () -> {
            RecommendationTile tile = tiles.get(e.handoff().symbol());
            if (tile != null) {
                tile.showHandoff(HandoffWords.shortNote(e.handoff()), clock.instant());
            }
        })));
        ages.play();
        pane.sceneProperty().addListener(sceneChanged);
        sceneChanged.changed(pane.sceneProperty(), null, pane.getScene());
    }

    public void deactivate() {
        subscriptions.forEach(EventBus.Subscription::close);
        subscriptions.clear();
        ages.stop();
        pane.sceneProperty().removeListener(sceneChanged);
        sceneChanged.changed(pane.sceneProperty(), pane.getScene(), null);
        watchScroll(null);
    }

    private void show(SymbolSnapshot snapshot) {
        RecommendationTile tile = tiles.get(snapshot.symbol());
        if (tile == null) {
            tile = new RecommendationTile(snapshot.symbol());
            String symbol = snapshot.symbol();
            // a filter, not a handler: the TilesFX tile inside consumes clicks
            RecommendationTile created = tile;
            tile.node().addEventFilter(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
                select(symbol);
                created.node().requestFocus();
            });
            tiles.put(snapshot.symbol(), tile);
            if (history != null) {
                RecommendationTile seeded = tile;
                tasks.call(() -> history.fractionsUsed(symbol, java.time.Duration.ofHours(1)), points -> {
                    if (!points.isEmpty()) {
                        seeded.sparkline().seed(points.stream().map(Map.Entry::getKey).toList(),
                                points.stream().map(Map.Entry::getValue).toList(), clock.instant());
                    }
                }, problem -> { }); // a tile without its past hour still shows its live sparkline
            }
        }
        boolean wasShown = tile.snapshot() != null;
        if (!wasShown || isInView(tile)) {
            tile.show(snapshot, clock.instant());
        } else {
            tile.hold(snapshot, clock.instant());
        }
        // A new tile goes into the grid at once (the first live tile must not wait a hop). A value changes the order
        // only when ordering or filtering by one: then once for the whole coalesced batch, not once per tile
        // (sorting 100 tiles per update showed in profiles).
        if (!wasShown) {
            relayout();
        } else if (tradableOnly || order == TileOrder.EDGE || order == TileOrder.CONTRACTS) {
            fx.post("tile-relayout", this::relayout);
        }
    }

    private static final javafx.css.PseudoClass SELECTED = javafx.css.PseudoClass.getPseudoClass("selected");

    /** Marks the tile and tells the detail pane. FX thread. */
    public void select(String symbol) {
        selected = symbol;
        tiles.values().forEach(t -> t.node().pseudoClassStateChanged(SELECTED, t.symbol().equals(symbol)));
        onSelect.accept(symbol);
    }

    private void keepOnly(Set<String> symbols) {
        if (tiles.keySet().retainAll(symbols)) {
            relayout();
        }
    }
}
