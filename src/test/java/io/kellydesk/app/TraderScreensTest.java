package io.kellydesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.kellydesk.core.ServiceState;
import io.kellydesk.engine.DeskEvent;
import io.kellydesk.engine.SymbolSnapshot;
import io.kellydesk.testing.Eventually;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What a new trader tripped on, checked where it can fail: keys, layout at 1280×720, the chart's room, times, the table. */
@ExtendWith(ApplicationExtension.class)
class TraderScreensTest {

    @TempDir
    Path temp;

    private DeskComposition composition;
    private Stage stage;
    private io.kellydesk.testing.MutableClock clock;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        clock = new io.kellydesk.testing.MutableClock(java.time.Instant.now());
        composition = new DeskComposition(new AppOptions(temp.resolve("settings.json"), temp.resolve("data"), AppOptions.DemoMode.AUTO),
                BuildInfo.load(), Platform::runLater, clock);
        composition.showIn(stage);
        stage.setWidth(1440);
        stage.setHeight(900);
    }

    @AfterEach
    void close() {
        composition.close();
    }

    private String liveTradable(FxRobot robot) {
        Eventually.await(Duration.ofSeconds(15), "8 symbols sized, all lights ok", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return composition.mainViewModel().services().stream().allMatch(s -> s.stateProperty().get() == ServiceState.OK)
                    && robot.lookup("#tilesEmptyDetail").queryAs(Label.class).getText().startsWith("8 symbols sized")
                    && robot.lookup(".rec-tile").queryAll().size() == 8;
        });
        return composition.engine().snapshots().stream().filter(s -> s.recommendation().isTrade() && s.recommendation().hasOrder())
                .map(SymbolSnapshot::symbol).findFirst().orElseThrow();
    }

    @Test
    void ctrlEnterOnAFocusedTileHandsItOff(FxRobot robot) throws Exception {
        String tradable = liveTradable(robot);
        robot.interact(() -> io.kellydesk.desk.fx.ScrollIntoView.node(robot.lookup("#tileScroll").queryAs(javafx.scene.control.ScrollPane.class),
                robot.lookup("#tile-" + tradable).queryAs(Node.class)));
        robot.clickOn("#tile-" + tradable);
        assertThat(robot.lookup("#tile-" + tradable).queryAs(Node.class).isFocused()).isTrue();
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Stage ticket = window("Hand off " + tradable);
        // the ticket says what a market order meets, and names the limit price field
        Label market = (Label) ticket.getScene().lookup("#marketLabel");
        assertThat(market.getText()).startsWith("bid ").contains(" · ask ");
        // sent: nothing on the ticket can be changed any more
        robot.interact(() -> ((javafx.scene.control.Button) ticket.getScene().lookup("#sendButton")).fire());
        Eventually.await(Duration.ofSeconds(10), "accepted by the demo engine", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return ((Label) ticket.getScene().lookup("#statusLabel")).getText().startsWith("Accepted by the engine");
        });
        for (String field : List.of("#orderType", "#timeInForce", "#quantity", "#limitPrice", "#sendButton")) {
            assertThat(ticket.getScene().lookup(field).isDisabled()).as(field + " after Send").isTrue();
        }
        robot.interact(ticket::hide);
    }

    @Test
    void thePositionsPanelSumsTheRiskAgainstTheLimitAndAlertsAnnounceTheTrades(FxRobot robot) throws Exception {
        liveTradable(robot);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        var positions = composition.shell().positionsView().orElseThrow();
        Eventually.await(Duration.ofSeconds(5), "8 position rows", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return positions.table().table().getItems().size() == 8;
        });
        var risk = io.kellydesk.engine.PortfolioRisk.of(composition.engine().snapshots().stream().map(SymbolSnapshot::recommendation).toList(),
                composition.engine().account(), composition.engine().context().settings().maxPortfolioRisk());
        String text = robot.lookup("#portfolio-risk").queryAs(Label.class).getText();
        assertThat(text).startsWith("Risk at the targets " + io.kellydesk.desk.fx.Formats.money(risk.openRiskCurrency()) + " USD = "
                + io.kellydesk.desk.fx.Formats.pct(risk.openRiskFraction().getAsDouble()) + " of equity · limit 20.0 % (max_portfolio_risk)");
        for (var row : positions.table().table().getItems()) {
            var r = row.snapshot().recommendation();
            assertThat(row.heldContracts()).isEqualTo(r.heldContracts());
            assertThat(row.orderContracts()).isEqualTo(r.orderContracts());
        }
        // every symbol that turned TRADE was announced once (the clock stands still: within the minute)
        long trades = composition.engine().snapshots().stream().filter(s -> s.recommendation().isTrade()).count();
        int shown = composition.shell().alertsView().orElseThrow().shownCount();
        assertThat(shown).isBetween((int) trades, (int) trades + 8);
    }

    @Test
    void atTwelveEightyTheTilesFillTheWidthAndNothingIsCut(FxRobot robot) throws Exception {
        liveTradable(robot);
        robot.interact(() -> {
            stage.setWidth(1280); // the tiles, laid out at 1440, share the narrower width out again
            stage.setHeight(720);
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.layout.FlowPane pane = robot.lookup("#tilePane").queryAs(javafx.scene.layout.FlowPane.class);
        double inner = pane.getWidth() - pane.getPadding().getLeft() - pane.getPadding().getRight();
        double rightmost = 0;
        double tileWidth = 0;
        for (Node tile : pane.getChildren()) {
            rightmost = Math.max(rightmost, tile.getBoundsInParent().getMaxX() - pane.getPadding().getLeft());
            tileWidth = tile.getLayoutBounds().getWidth();
        }
        assertThat(pane.getChildren().size()).isEqualTo(8);
        // no dead gap: what is left at the right of the last column is less than a gap, not most of a tile
        assertThat(inner - rightmost).as("empty width at the right of the grid").isLessThan(pane.getHgap());
        assertThat(tileWidth).isGreaterThanOrEqualTo(268);
        // every label on the tiles, the toolbar and the detail header shows its whole text
        List<Labeled> cut = new ArrayList<>();
        collectCut(robot.lookup("#tilePane").queryAs(Parent.class), cut);
        collectCut(robot.lookup("#tileToolbar").queryAs(Parent.class), cut);
        assertThat(cut).extracting(Labeled::getText).isEmpty();
        // the headings of the Decisions table are whole
        Eventually.await(Duration.ofSeconds(10), "decisions table built", () -> composition.shell().decisionsView().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        List<Labeled> headers = new ArrayList<>();
        for (Node header : composition.shell().decisionsView().orElseThrow().table().lookupAll(".column-header")) {
            collectCut((Parent) header, headers);
        }
        assertThat(composition.shell().decisionsView().orElseThrow().table().lookupAll(".column-header")).hasSizeGreaterThan(8);
        assertThat(headers).extracting(Labeled::getText).isEmpty();
    }

    @Test
    void theChartHasAtLeastHalfItsTabAndTheTimesOneZoneNamedInEveryHeader(FxRobot robot) throws Exception {
        liveTradable(robot);
        robot.interact(() -> stage.setWidth(1440));
        robot.interact(() -> stage.setHeight(900));
        robot.clickOn("Kelly vs fixed");
        Eventually.await(Duration.ofSeconds(10), "three replayed lines", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return composition.shell().chartView().map(c -> c.chart().getData().size() == 3).orElse(false);
        });
        var chart = composition.shell().chartView().orElseThrow().chart();
        Node plot = chart.lookup(".chart-plot-background");
        double tab = robot.lookup("#chartContent").queryAs(Node.class).getLayoutBounds().getHeight();
        assertThat(plot.getLayoutBounds().getHeight()).as("plot height of a %.0f px tab", tab).isGreaterThanOrEqualTo(tab / 2);
        assertThat(chart.getData().get(0).getName()).startsWith("½ Kelly (desk): ");
        assertThat(chart.getData().get(1).getName()).startsWith("¼ Kelly: ");
        assertThat(chart.getData().get(2).getName()).startsWith("fixed 1: ");
        assertThat(((javafx.scene.chart.NumberAxis) chart.getYAxis()).getLabel()).isEqualTo("equity, USD");
        javafx.scene.chart.NumberAxis trades = (javafx.scene.chart.NumberAxis) chart.getXAxis();
        int replayed = composition.shell().chartView().orElseThrow().chart().getData().get(0).getData().size() - 1;
        assertThat(trades.getUpperBound()).isEqualTo(replayed); // the axis ends at the last trade, not beyond
        assertThat(trades.getTickUnit()).isEqualTo(Math.rint(trades.getTickUnit())); // whole trades

        // one zone everywhere, named in the headers: the trader's choice
        robot.clickOn("Handoffs");
        robot.clickOn("Health");
        robot.clickOn("Decisions");
        Eventually.await(Duration.ofSeconds(10), "decisions table built", () -> composition.shell().decisionsView().isPresent());
        robot.interact(() -> composition.shell().time().zoneProperty().set(ZoneId.of("America/Chicago")));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> timeHeaders = new ArrayList<>();
        for (Node table : robot.lookup(".table-view").queryAll()) {
            for (TableColumn<?, ?> c : ((TableView<?>) table).getColumns()) {
                if (c.getText().startsWith("Time") || c.getText().startsWith("Last error at")) {
                    timeHeaders.add(c.getText());
                }
            }
        }
        assertThat(timeHeaders).containsExactlyInAnyOrder("Time (America/Chicago)", "Time (America/Chicago)", "Last error at (America/Chicago)");
        var decisions = composition.shell().decisionsView().orElseThrow();
        Eventually.await(Duration.ofSeconds(10), "rows", () -> !decisions.table().getItems().isEmpty());
        var first = decisions.table().getItems().getFirst();
        String shown = (String) decisions.table().getColumns().getFirst().getCellObservableValue(0).getValue();
        assertThat(shown).isEqualTo(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
                .withZone(ZoneId.of("America/Chicago")).format(first.decidedAt()));
    }

    @Test
    void theTableSortsByValueAndKeepsItsLayoutForNextTime(FxRobot robot) throws Exception {
        liveTradable(robot);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#mainTabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getText()).isEqualTo("Table");
        var table = composition.shell().tableView().orElseThrow();
        Eventually.await(Duration.ofSeconds(5), "8 rows", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return table.table().getItems().size() == 8;
        });
        assertThat(table.table().isTableMenuButtonVisible()).isTrue(); // the column chooser
        robot.interact(() -> {
            TableColumn<io.kellydesk.desk.table.SymbolRow, ?> p = table.column("p");
            p.setSortType(TableColumn.SortType.DESCENDING);
            table.table().getSortOrder().setAll(List.of(p));
            table.column("risk_source").setVisible(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<Double> ps = table.table().getItems().stream().map(r -> r.winProbability().orElse(-1)).toList();
        assertThat(ps).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        // the layout goes with the window's state, saved when the desk closes
        assertThat(composition.shell().viewState().table("symbols").sortColumn()).isEqualTo("p");
        assertThat(composition.shell().viewState().table("symbols").ascending()).isFalse();
        assertThat(composition.shell().viewState().table("symbols").hidden()).doesNotContain("risk_source");
        assertThat(composition.shell().viewState().mainView()).isEqualTo("table");
        composition.close();
        var saved = new io.kellydesk.settings.ViewStateFile(temp.resolve("data").resolve("view-state.json")).load();
        assertThat(saved.table("symbols").sortColumn()).isEqualTo("p");
        assertThat(saved.mainView()).isEqualTo("table");
        assertThat(saved.window().width()).isEqualTo(1440);
    }

    @Test
    void theExplanationKeepsItsPlaceWhenItsSymbolUpdates(FxRobot robot) throws Exception {
        String tradable = liveTradable(robot);
        robot.interact(() -> io.kellydesk.desk.fx.ScrollIntoView.node(robot.lookup("#tileScroll").queryAs(javafx.scene.control.ScrollPane.class),
                robot.lookup("#tile-" + tradable).queryAs(Node.class)));
        robot.clickOn("#tile-" + tradable);
        WaitForAsyncUtils.waitForFxEvents();
        var scroll = robot.lookup(".detail-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        robot.interact(() -> scroll.setVvalue(0.6));
        SymbolSnapshot again = composition.engine().snapshot(tradable).orElseThrow();
        clock.advance(Duration.ofMillis(500)); // a later update of the same symbol (the pane shows it as of now)
        composition.bus().publish(new DeskEvent.RecommendationChanged(again));
        WaitForAsyncUtils.waitForFxEvents(10); // the coalesced hop, the render, and the layout passes after it
        assertThat(robot.lookup(".detail-title").queryAs(Label.class).getText()).startsWith(tradable);
        assertThat(scroll.getVvalue()).isEqualTo(0.6);
    }

    private static Stage window(String title) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && title.equals(s.getTitle()) && s.isShowing()).map(w -> (Stage) w).findFirst())
                .get().orElseThrow(() -> new AssertionError("no window " + title));
    }

    /** Labels (and column headers) whose text the skin had to cut with an ellipsis. */
    private static void collectCut(Parent parent, List<Labeled> cut) {
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (child instanceof Labeled labeled && labeled.isVisible() && labeled.getText() != null && !labeled.getText().isEmpty()) {
                Node text = labeled.lookup(".text");
                String whole = labeled.isMnemonicParsing() ? labeled.getText().replace("_", "") : labeled.getText();
                if (text instanceof javafx.scene.text.Text shown && !shown.getText().equals(whole) && !labeled.isWrapText()) {
                    cut.add(labeled);
                }
            }
            if (child instanceof Parent p) {
                collectCut(p, cut);
            }
        }
    }
}
