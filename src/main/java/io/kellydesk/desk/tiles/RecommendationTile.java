package io.kellydesk.desk.tiles;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import io.kellydesk.core.Direction;
import io.kellydesk.core.OrderAction;
import io.kellydesk.engine.PositionWords;
import io.kellydesk.engine.SymbolStatus;
import io.kellydesk.core.Recommendation;
import io.kellydesk.engine.SymbolSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import io.kellydesk.desk.fx.LayoutBoundary;
import io.kellydesk.desk.fx.Formats;

/**
 * One symbol's recommendation as a TilesFX tile: direction with an arrow (not colour alone), contracts, win
 * probability, Kelly fraction used and full, capital at risk, and the status in words. A number the method did
 * not reach shows as "—". FX thread only.
 */
final class RecommendationTile {

    /** Narrowest and widest a tile gets as the grid shares its width out (see {@link TileWidths}). */
    static final double MIN_WIDTH = 268;
    static final double MAX_WIDTH = 360;
    static final double WIDTH = 284;
    static final double HEIGHT = 290;

    private final String symbol;
    private final StackPane root = new StackPane();
    private final Label direction = label("tile-direction");
    private final Label contracts = label("tile-contracts");
    private final Label contractsUnit = label("tile-contracts-unit");
    private final Label position = label("tile-position");
    private final Label probability = label("tile-figure");
    private final Label fraction = label("tile-figure");
    private final Label risk = label("tile-figure");
    private final Label status = label("tile-status");
    private final javafx.scene.control.Tooltip statusTip = new javafx.scene.control.Tooltip();
    /** State lives on leaves (edge, status label): a class change on the root would restyle the whole tile. */
    private final Region edge = new Region();
    private final Region flashOverlay = new Region();
    private final javafx.animation.FadeTransition flash = new javafx.animation.FadeTransition(javafx.util.Duration.millis(700), flashOverlay);
    private SymbolSnapshot shown;
    private final Sparkline sparkline = new Sparkline(WIDTH - 40, 22);
    private final Tile tile;
    private final VBox body;
    private double width = WIDTH;

    RecommendationTile(String symbol) {
        this.symbol = symbol;
        status.setWrapText(true);
        status.setTooltip(statusTip);
        status.setMaxWidth(WIDTH - 30);
        status.setMinHeight(50); // three lines: "NO TRADE · win probability below the confidence threshold · handed off E-1"
        status.setMaxHeight(50);
        Label name = label("tile-symbol");
        name.setText(symbol);
        name.setMinWidth(Region.USE_PREF_SIZE); // the symbol is never cut; the direction word is short
        direction.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, name, spacer, direction);
        HBox size = new HBox(6, contracts, contractsUnit);
        size.getStyleClass().add("tile-size");
        javafx.scene.control.Tooltip.install(sparkline.node(), new javafx.scene.control.Tooltip("Kelly fraction used over the last hour"));
        // the order line may take two lines ("target 2 short · holding 1 long · sell 3 (close 1, open 2)"); never cut
        position.setWrapText(true);
        position.setMaxWidth(WIDTH - 30);
        position.setMinHeight(34);
        position.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        body = new VBox(4, head, size, position, probability, fraction, risk, sparkline.node(), status);
        body.getStyleClass().add("tile-body");
        sizeBody(WIDTH);
        tile = TileBuilder.create()
                .skinType(Tile.SkinType.CUSTOM)
                .prefSize(WIDTH, HEIGHT)
                .backgroundColor(Color.TRANSPARENT)
                .textVisible(false)
                .roundedCorners(true)
                .animated(false)
                .graphic(new LayoutBoundary(body))
                .build();
        edge.getStyleClass().add("tile-edge");
        edge.setMaxWidth(6);
        edge.setMinWidth(6);
        edge.setMouseTransparent(true);
        flashOverlay.getStyleClass().add("tile-flash");
        flashOverlay.setOpacity(0);
        flashOverlay.setMouseTransparent(true);
        flash.setFromValue(0.35);
        flash.setToValue(0);
        root.getChildren().addAll(tile, flashOverlay, edge);
        StackPane.setAlignment(edge, javafx.geometry.Pos.CENTER_LEFT);
        root.getStyleClass().add("rec-tile");
        root.setId("tile-" + symbol);
        root.setFocusTraversable(true);
        root.setPrefSize(WIDTH, HEIGHT);
        root.setMaxSize(WIDTH, HEIGHT);
    }

    /** The grid shares its width out among the tiles of a row: no dead gap at the right of the grid. */
    void setWidth(double newWidth, Instant now) {
        if (newWidth == width) {
            return;
        }
        width = newWidth;
        // the builder's size is also the tile's min and max: all three follow, inside the root's border (1 px a side,
        // 2 when selected), so the root is exactly newWidth wide and three columns fit where the grid said they do
        tile.setMinWidth(newWidth - 4);
        tile.setPrefWidth(newWidth - 4);
        tile.setMaxWidth(newWidth - 4);
        root.setMinWidth(newWidth);
        root.setPrefWidth(newWidth);
        root.setMaxWidth(newWidth);
        status.setMaxWidth(newWidth - 34);
        position.setMaxWidth(newWidth - 34);
        sparkline.setWidth(newWidth - 40, now);
        sizeBody(newWidth);
    }

    /** The body fills the tile inside its edge and padding, so its text never runs into the coloured edge. */
    private void sizeBody(double tileWidth) {
        body.setPrefWidth(tileWidth - 12);
        body.setMaxWidth(tileWidth - 12);
    }

    double width() {
        return width;
    }

    StackPane node() {
        return root;
    }

    String symbol() {
        return symbol;
    }

    /** The newest snapshot (on show, or held while the tile is scrolled out of view), or null before the first. */
    SymbolSnapshot snapshot() {
        return held != null ? held : shown;
    }

    /** A snapshot held back while the tile is out of view: nobody sees it, so no node is touched until it is. */
    private SymbolSnapshot held;

    /** Keeps the newest snapshot for later without touching the scene; its sparkline point is recorded now. */
    void hold(SymbolSnapshot snapshot, Instant now) {
        held = snapshot;
        Recommendation r = snapshot.recommendation();
        sparkline.add(r.decidedAt() == null ? now : r.decidedAt(), r.isTrade() ? r.fractionUsed().orElse(0) : 0);
    }

    /** Shows what was held back (the tile came into view), if anything. */
    void showHeld(Instant now) {
        if (held != null) {
            show(held, now);
            sparkline.flush(now);
        }
    }

    private String handoffNote = "";

    void show(SymbolSnapshot snapshot, Instant now) {
        Recommendation r = snapshot.recommendation();
        boolean changed = shown != null && (shown.recommendation().contracts() != r.contracts()
                || shown.recommendation().status() != r.status() || shown.recommendation().direction() != r.direction()
                || shown.recommendation().orderContracts() != r.orderContracts());
        shown = snapshot;
        held = null;
        direction.setText(switch (r.direction()) {
            case LONG -> "▲ LONG";
            case SHORT -> "▼ SHORT";
            case NEUTRAL -> "● NONE";
        });
        // a NO TRADE's direction is only what the models lean to: said in muted words, not as a bold green/red badge
        if (r.isTrade()) {
            setState(direction, r.direction() == Direction.LONG ? LONG : r.direction() == Direction.SHORT ? SHORT : NEUTRAL, DIRECTIONS);
        } else {
            direction.setText(switch (r.direction()) {
                case LONG -> "leans long";
                case SHORT -> "leans short";
                case NEUTRAL -> "no direction";
            });
            setState(direction, LEANS, DIRECTIONS);
        }
        if (r.isTrade()) {
            contracts.setText(Integer.toString(r.contracts()));
            contractsUnit.setText((r.contracts() == 1 ? "contract" : "contracts") + " target");
        } else {
            contracts.setText("—");
            contractsUnit.setText("no trade");
        }
        position.setText(PositionWords.orderLine(r));
        setState(position, r.action() == OrderAction.REDUCE ? REDUCE_ORDER : r.hasOrder() ? ORDER : NO_ORDER, ORDER_STATES);
        probability.setText("win probability " + r.winProbability().stream().mapToObj(Formats::pct).findFirst().orElse("—")
                + r.estimate().map(e -> e.calibrated() ? " (calibrated)" : "").orElse(""));
        fraction.setText(kellyLine(r));
        // "12,825 USD at risk (ATR stop)": fits the narrowest tile whole
        risk.setText(r.isTrade() ? Formats.money(r.capitalAtRiskCurrency()) + currency(r) + " at risk"
                + r.riskPerContract().map(x -> " (" + PositionWords.riskSource(x) + ")").orElse("") : "no capital at risk");
        sparkline.add(r.decidedAt() == null ? now : r.decidedAt(), r.isTrade() ? r.fractionUsed().orElse(0) : 0);
        if (changed || sparkline.points() == 0) {
            sparkline.flush(now); // a new size shows at once; small moves wait for the once-a-second tick
        }
        refreshStatus(now);
        if (changed) {
            flash.playFromStart(); // opacity only: no CSS pass
        }
    }

    Sparkline sparkline() {
        return sparkline;
    }

    /** The once-a-second tick: ages in the status, and the sparkline. */
    void tick(Instant now) {
        refreshStatus(now);
        sparkline.flush(now);
    }

    /** The latest handoff of this symbol in words ("handed off E-88812"), shown after the status; empty for none. */
    void showHandoff(String note, Instant now) {
        handoffNote = note;
        refreshStatus(now);
    }

    /** Status line and colour; ages move on with {@code now} even when nothing else changes. */
    void refreshStatus(Instant now) {
        if (shown == null) {
            return;
        }
        SymbolStatus symbolStatus = SymbolStatus.of(shown, now);
        String text = symbolStatus.words();
        PseudoClass state = switch (symbolStatus.kind()) {
            case TRADE -> TRADE;
            case NO_TRADE -> NO_TRADE;
            case STALE -> STALE;
            case EMERGENCY -> EMERGENCY;
        };
        String full = handoffNote.isEmpty() ? text : text + " · " + handoffNote;
        if (!full.equals(status.getText())) {
            status.setText(full);
            statusTip.setText(full); // the whole line, where the tile's two lines cut it
        }
        setState(edge, state, STATUSES);
        setState(status, state, STATUSES);
    }

    // State as pseudo-classes, not style classes: a style-class change makes JavaFX look the node's styles up
    // again (a new style helper per change; a tenth of the FX thread under 100 symbols × 4 updates/s), a
    // pseudo-class change only switches between styles already looked up.
    private static final PseudoClass LONG = PseudoClass.getPseudoClass("long");
    private static final PseudoClass SHORT = PseudoClass.getPseudoClass("short");
    private static final PseudoClass NEUTRAL = PseudoClass.getPseudoClass("neutral");
    private static final PseudoClass LEANS = PseudoClass.getPseudoClass("leans");
    private static final List<PseudoClass> DIRECTIONS = List.of(LONG, SHORT, NEUTRAL, LEANS);
    private static final PseudoClass TRADE = PseudoClass.getPseudoClass("trade");
    private static final PseudoClass NO_TRADE = PseudoClass.getPseudoClass("no-trade");
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    private static final PseudoClass EMERGENCY = PseudoClass.getPseudoClass("emergency");
    private static final List<PseudoClass> STATUSES = List.of(TRADE, NO_TRADE, STALE, EMERGENCY);
    private static final PseudoClass ORDER = PseudoClass.getPseudoClass("order");
    private static final PseudoClass REDUCE_ORDER = PseudoClass.getPseudoClass("reduce");
    private static final PseudoClass NO_ORDER = PseudoClass.getPseudoClass("no-order");
    private static final List<PseudoClass> ORDER_STATES = List.of(ORDER, REDUCE_ORDER, NO_ORDER);

    private static void setState(javafx.scene.Node node, PseudoClass on, List<PseudoClass> all) {
        for (PseudoClass other : all) {
            if (other != on) {
                node.pseudoClassStateChanged(other, false);
            }
        }
        node.pseudoClassStateChanged(on, true);
    }

    /** "f 8.4 % · at risk 2.8 % · f* 33.6 %": the fraction used, what the target risks, full Kelly; only what was reached. */
    static String kellyLine(Recommendation r) {
        List<String> parts = new ArrayList<>();
        r.fractionUsed().ifPresent(f -> parts.add("f " + Formats.pct(f)));
        r.fractionAtRisk().ifPresent(f -> parts.add("at risk " + Formats.pct(f)));
        r.fullKellyFraction().ifPresent(f -> parts.add("f* " + Formats.pct(f)));
        return parts.isEmpty() ? "Kelly fraction not reached" : String.join(" · ", parts);
    }

    private static Label label(String styleClass) {
        Label label = new Label();
        label.getStyleClass().add(styleClass);
        return label;
    }



    private static String currency(Recommendation r) {
        return r.inputs().account().map(a -> a.currency().isBlank() ? "" : " " + a.currency()).orElse("");
    }
}
