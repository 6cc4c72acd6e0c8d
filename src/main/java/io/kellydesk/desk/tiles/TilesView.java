package io.kellydesk.desk.tiles;

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
import io.kellydesk.desk.ticket.HandoffWords;

/**
 * The tile grid: one tile per symbol in the tile pane, shown and ordered as the view model says, updated with the
 * snapshots it hands on (coalesced per symbol); a one-second FX timeline only moves the ages of stale inputs on.
 */
public final class TilesView implements TilesViewModel.Updates {

    private final FlowPane pane;
    private final TilesViewModel viewModel;
    private final Clock clock;
    private final Map<String, RecommendationTile> tiles = new TreeMap<>();
    private final Timeline ages;

    public TilesView(FlowPane pane, TilesViewModel viewModel, Clock clock) {
        this.pane = pane;
        this.viewModel = viewModel;
        this.clock = clock;
        this.ages = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> {
            java.time.Instant now = clock.instant();
            javafx.geometry.Bounds view = viewInScene();
            tiles.values().stream().filter(t -> isInView(t, view)).forEach(t -> t.tick(now));
        }));
        ages.setCycleCount(Timeline.INDEFINITE);
    }

    /** Connects the toolbar: filter text, tradable-only toggle, order. FX thread. */
    public void bindToolbar(javafx.scene.control.TextField filter, javafx.scene.control.ToggleButton tradable,
                            javafx.scene.control.ComboBox<TilesViewModel.TileOrder> orderBox) {
        orderBox.getItems().setAll(TilesViewModel.TileOrder.values());
        filter.textProperty().bindBidirectional(viewModel.filterTextProperty());
        tradable.selectedProperty().bindBidirectional(viewModel.tradableOnlyProperty());
        orderBox.valueProperty().bindBidirectional(viewModel.orderProperty());
        pane.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, this::onKey);
    }

    private void followTheViewModel() {
        javafx.beans.InvalidationListener relayout = o -> relayout();
        viewModel.filterTextProperty().addListener(relayout);
        viewModel.tradableOnlyProperty().addListener(relayout);
        viewModel.orderProperty().addListener(relayout);
        viewModel.watchlistProperty().addListener(relayout);
        viewModel.selectedProperty().addListener((obs, was, now) ->
                tiles.values().forEach(t -> t.node().pseudoClassStateChanged(SELECTED, t.symbol().equals(now))));
    }

    /** Arrows move the selection through the visible tiles (up and down by a row); Enter explains it. */
    private void onKey(javafx.scene.input.KeyEvent e) {
        List<RecommendationTile> visible = visibleTiles();
        if (visible.isEmpty()) {
            return;
        }
        int at = 0;
        for (int i = 0; i < visible.size(); i++) {
            if (visible.get(i).symbol().equals(viewModel.selectedProperty().get())) {
                at = i;
            }
        }
        if (e.isShortcutDown() || e.isAltDown() || e.isShiftDown() || e.isMetaDown()) {
            return; // Ctrl+Enter hands off, Alt+… are mnemonics: the scene's, not the grid's
        }
        int columns = widths().columns();
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

    /** The columns and tile width for the grid's width now. */
    private TileWidths widths() {
        double inner = pane.getWidth() - pane.getPadding().getLeft() - pane.getPadding().getRight();
        return TileWidths.of(inner <= 0 ? RecommendationTile.WIDTH : inner, pane.getHgap(), RecommendationTile.MIN_WIDTH,
                RecommendationTile.MAX_WIDTH);
    }

    private final javafx.beans.InvalidationListener resized = o -> resizeTiles();

    private void resizeTiles() {
        if (pane.getWidth() <= 0) {
            return;
        }
        double width = widths().width();
        java.time.Instant now = clock.instant();
        tiles.values().forEach(t -> t.setWidth(width, now));
    }

    private List<RecommendationTile> visibleTiles() {
        return tiles.values().stream().filter(t -> viewModel.shows(t.symbol(), t.snapshot()))
                .sorted(viewModel.order(RecommendationTile::symbol, RecommendationTile::snapshot)).toList();
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

    /** Follows the view model and its events; FX thread. */
    public void activate() {
        followTheViewModel();
        viewModel.activate(this);
        ages.play();
        pane.widthProperty().addListener(resized);
        pane.sceneProperty().addListener(sceneChanged);
        sceneChanged.changed(pane.sceneProperty(), null, pane.getScene());
    }

    public void deactivate() {
        viewModel.deactivate();
        ages.stop();
        pane.widthProperty().removeListener(resized);
        pane.sceneProperty().removeListener(sceneChanged);
        sceneChanged.changed(pane.sceneProperty(), pane.getScene(), null);
        watchScroll(null);
    }

    @Override
    public void handoff(io.kellydesk.core.HandoffRecord handoff) {
        RecommendationTile tile = tiles.get(handoff.symbol());
        if (tile != null) {
            tile.showHandoff(HandoffWords.shortNote(handoff), clock.instant());
        }
    }

    @Override
    public void snapshot(SymbolSnapshot snapshot) {
        RecommendationTile tile = tiles.get(snapshot.symbol());
        if (tile == null) {
            tile = new RecommendationTile(snapshot.symbol());
            String symbol = snapshot.symbol();
            // a filter, not a handler: the TilesFX tile inside consumes clicks
            RecommendationTile created = tile;
            tile.node().addEventFilter(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
                viewModel.select(symbol);
                created.node().requestFocus();
            });
            tiles.put(snapshot.symbol(), tile);
            if (pane.getWidth() > 0) {
                tile.setWidth(widths().width(), clock.instant());
            }
            RecommendationTile seeded = tile;
            viewModel.pastHour(symbol, points -> {
                if (!points.isEmpty()) {
                    seeded.sparkline().seed(points.stream().map(Map.Entry::getKey).toList(),
                            points.stream().map(Map.Entry::getValue).toList(), clock.instant());
                }
            });
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
        } else if (viewModel.orderFollowsValues()) {
            viewModel.onceThisPulse("tile-relayout", this::relayout);
        }
    }

    private static final javafx.css.PseudoClass SELECTED = javafx.css.PseudoClass.getPseudoClass("selected");

    private void select(String symbol) {
        viewModel.select(symbol);
    }

    @Override
    public void symbols(Set<String> symbols) {
        if (tiles.keySet().retainAll(symbols)) {
            relayout();
        }
    }
}
