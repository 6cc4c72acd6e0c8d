package io.kellydesk.desk;

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
        this.ages = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1),
                e -> tiles.values().forEach(t -> t.refreshStatus(clock.instant()))));
        ages.setCycleCount(Timeline.INDEFINITE);
    }

    public void activate() {
        subscriptions.add(bus.subscribe(DeskEvent.RecommendationChanged.class,
                e -> fx.post("tile-" + e.snapshot().symbol(), () -> show(e.snapshot()))));
        subscriptions.add(bus.subscribe(DeskEvent.SymbolsChanged.class,
                e -> fx.post("tile-symbols", () -> keepOnly(Set.copyOf(e.symbols())))));
        ages.play();
    }

    public void deactivate() {
        subscriptions.forEach(EventBus.Subscription::close);
        subscriptions.clear();
        ages.stop();
    }

    private void show(SymbolSnapshot snapshot) {
        RecommendationTile tile = tiles.get(snapshot.symbol());
        if (tile == null) {
            tile = new RecommendationTile(snapshot.symbol());
            String symbol = snapshot.symbol();
            // a filter, not a handler: the TilesFX tile inside consumes clicks
            tile.node().addEventFilter(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> select(symbol));
            tiles.put(snapshot.symbol(), tile);
            pane.getChildren().setAll(tiles.values().stream().map(RecommendationTile::node).toList());
        }
        tile.show(snapshot, clock.instant());
    }

    /** Marks the tile and tells the detail pane. FX thread. */
    public void select(String symbol) {
        selected = symbol;
        tiles.values().forEach(t -> t.node().getStyleClass().remove("selected"));
        RecommendationTile tile = tiles.get(symbol);
        if (tile != null) {
            tile.node().getStyleClass().add("selected");
        }
        onSelect.accept(symbol);
    }

    private void keepOnly(Set<String> symbols) {
        if (tiles.keySet().retainAll(symbols)) {
            pane.getChildren().setAll(tiles.values().stream().map(RecommendationTile::node).toList());
        }
    }
}
