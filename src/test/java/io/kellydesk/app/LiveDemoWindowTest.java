package io.kellydesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.kellydesk.core.ServiceState;
import io.kellydesk.testing.Eventually;
import io.kellydesk.testing.Screenshots;
import java.nio.file.Path;
import java.time.Duration;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window on the built-in demo services over loopback HTTP: header, lights and the decision log fill. */
@ExtendWith(ApplicationExtension.class)
class LiveDemoWindowTest {

    @TempDir
    static Path temp;

    private DeskComposition composition;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // a clock that stands still: the demo's models keep one view, so the symbol picked as tradable stays tradable
        // while the test reads its explanation (on the wall clock a 30 s epoch could end in between)
        composition = new DeskComposition(new AppOptions(temp.resolve("settings.json"), temp.resolve("data"), AppOptions.DemoMode.AUTO),
                BuildInfo.load(), Platform::runLater, new io.kellydesk.testing.MutableClock(java.time.Instant.now()));
        composition.showIn(stage);
    }

    @AfterEach
    void close() {
        composition.close();
    }

    @Test
    void theDeskComesAliveOnTheDemoServices(FxRobot robot) throws Exception {
        Eventually.await(Duration.ofSeconds(10), "account in the header, all lights ok, 8 symbols sized", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return !robot.lookup("#equityLabel").queryAs(Label.class).getText().equals("—")
                    && composition.mainViewModel().services().stream().allMatch(s -> s.stateProperty().get() == ServiceState.OK)
                    && robot.lookup("#tilesEmptyDetail").queryAs(Label.class).getText().startsWith("8 symbols sized");
        });
        assertThat(robot.lookup("#equityLabel").queryAs(Label.class).getText()).endsWith(" USD");
        assertThat(robot.lookup("#deskNameLabel").queryAs(Label.class).getText()).isEqualTo("DEMO-01");
        assertThat(composition.decisionLog()).hasValueSatisfying(log -> {
            try {
                assertThat(log.queries().latestPerSymbol()).hasSize(8);
            } catch (io.kellydesk.store.DecisionLogException e) {
                throw new AssertionError(e);
            }
        });
        Eventually.await(Duration.ofSeconds(5), "8 tiles", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup("#tilePane").queryAs(javafx.scene.layout.FlowPane.class).getChildren().size() == 8;
        });
        assertThat(robot.lookup(".tile-symbol").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("6EZ26-CME", "CLF27-NYMEX", "ESZ26-CME", "GCZ26-COMEX", "NQZ26-CME", "RTYZ26-CME", "YMZ26-CBOT", "ZNZ26-CBOT");
        // Every tile says what it is in words, and a tile without a trade shows no size
        for (var tile : robot.lookup(".rec-tile").queryAll()) {
            String status = robot.from(tile).lookup(".tile-status").queryAs(Label.class).getText();
            String contracts = robot.from(tile).lookup(".tile-contracts").queryAs(Label.class).getText();
            assertThat(status).matches("(TRADE( · .+)?|NO TRADE · .+|STALE · .+|EMERGENCY · .+)");
            if (status.startsWith("NO TRADE")) {
                assertThat(contracts).isEqualTo("—");
            } else if (status.startsWith("TRADE")) {
                assertThat(Integer.parseInt(contracts)).isBetween(1, 5);
            }
        }
        assertThat(robot.lookup("#tilesEmptyState").queryAs(javafx.scene.Node.class).isVisible()).isFalse();
        // each tile draws the fraction it has used so far (at least its first recommendation)
        for (var line : robot.lookup(".tile-sparkline").queryAllAs(javafx.scene.shape.Polyline.class)) {
            assertThat(line.getPoints()).hasSizeGreaterThanOrEqualTo(2);
        }
        Screenshots.save(stage.getScene(), "main-window-live-demo");
        // the same window rendered at 200 % (a HiDPI desk screen): looked at for readability
        Path hiDpi = Screenshots.save(stage.getScene(), "main-window-live-demo-200pct", 2.0);
        assertThat(javax.imageio.ImageIO.read(hiDpi.toFile()).getWidth()).isEqualTo((int) Math.round(stage.getScene().getWidth() * 2));

        // The trader selects a tradable symbol and reads every step of the explanation
        String tradable = composition.engine().snapshots().stream().filter(s -> s.recommendation().isTrade())
                .map(io.kellydesk.engine.SymbolSnapshot::symbol).findFirst().orElseThrow();
        robot.interact(() -> io.kellydesk.desk.fx.ScrollIntoView.node(robot.lookup("#tileScroll").queryAs(javafx.scene.control.ScrollPane.class),
                robot.lookup("#tile-" + tradable).queryAs(javafx.scene.Node.class)));
        robot.clickOn("#tile-" + tradable);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".detail-title").queryAs(Label.class).getText()).startsWith(tradable);
        assertThat(robot.lookup(".detail-step").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("LSTM", "Ensemble", "Win probability p", "Payoff ratio b", "Full Kelly f*", "Cap", "Drawdown cut",
                        "Contracts", "Portfolio cut", "Correlation cut", "Validation", "Final target", "Order");
        assertThat(robot.lookup(".detail-ruin").queryAs(Label.class).getText()).startsWith("P(ever −30 %) ≈ ");
        Screenshots.save(stage.getScene(), "main-window-detail-trade");
        robot.interact(() -> robot.lookup(".detail-scroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1.0));
        WaitForAsyncUtils.waitForFxEvents();
        java.util.List<String> series = new java.util.ArrayList<>();
        for (Object s : robot.lookup(".growth-chart").queryAs(javafx.scene.chart.LineChart.class).getData()) {
            series.add(((javafx.scene.chart.XYChart.Series<?, ?>) s).getName());
        }
        assertThat(series).contains("g(f)", "2 × Kelly").anyMatch(name -> name.startsWith("full Kelly"))
                .anyMatch(name -> name.startsWith("f used")).anyMatch(name -> name.startsWith("at risk"))
                .anyMatch(name -> name.startsWith("1 fixed contract"));
        Screenshots.save(stage.getScene(), "main-window-detail-growth");

        // Keyboard and filters: "/" jumps to the filter, arrows move the selection, tradable-only hides the rest
        robot.clickOn("#tile-" + tradable);
        robot.type(javafx.scene.input.KeyCode.HOME); // harmless key: focus stays on the tile
        robot.write("/");
        assertThat(robot.lookup("#tileFilter").queryAs(javafx.scene.control.TextField.class).isFocused()).isTrue();
        robot.write("nq");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#tilePane").queryAs(javafx.scene.layout.FlowPane.class).getChildren())
                .extracting(javafx.scene.Node::getId).containsExactly("tile-NQZ26-CME");
        robot.interact(() -> robot.lookup("#tileFilter").queryAs(javafx.scene.control.TextField.class).clear());
        robot.clickOn("#tradableOnly");
        WaitForAsyncUtils.waitForFxEvents();
        long trades = composition.engine().snapshots().stream().filter(s -> s.recommendation().isTrade()).count();
        assertThat(robot.lookup("#tilePane").queryAs(javafx.scene.layout.FlowPane.class).getChildren()).hasSize((int) trades);
        robot.clickOn("#tradableOnly");
        robot.interact(() -> robot.lookup("#tileScroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(0));
        robot.clickOn("#tile-6EZ26-CME");
        robot.type(javafx.scene.input.KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".detail-title").queryAs(Label.class).getText()).startsWith("CLF27-NYMEX");
        robot.type(javafx.scene.input.KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        // three tiles a row at this width: down from the 2nd tile is the 5th, NQ
        assertThat(robot.lookup(".detail-title").queryAs(Label.class).getText()).startsWith("NQZ26-CME");

        // Decisions tab: the log, filterable, exportable
        robot.clickOn("Decisions");
        var decisions = composition.shell().decisionsView().orElseThrow();
        Eventually.await(Duration.ofSeconds(10), "logged decisions listed", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return decisions.table().getItems().size() >= 8;
        });
        robot.interact(() -> robot.lookup("#statusFilter").queryAs(javafx.scene.control.ComboBox.class).setValue("TRADE"));
        Eventually.await(Duration.ofSeconds(10), "only trades listed", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return !decisions.table().getItems().isEmpty()
                    && decisions.table().getItems().stream().allMatch(d -> d.status().equals("TRADE"));
        });
        Path csv = temp.resolve("decisions.csv");
        robot.interact(() -> decisions.exportTo(csv));
        Eventually.await(Duration.ofSeconds(10), "CSV written", () -> java.nio.file.Files.exists(csv));
        java.util.List<String> lines = java.nio.file.Files.readAllLines(csv);
        assertThat(lines.getFirst()).startsWith("id,symbol,decidedAt,status,reason");
        // every decision the filter matches (the listed ones and any logged since), trades only
        assertThat(lines.size() - 1).isGreaterThanOrEqualTo(decisions.table().getItems().size());
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line).contains(",TRADE,"));
        Screenshots.save(stage.getScene(), "main-window-decisions");

        // Kelly vs fixed: the desk's Kelly vs half of it vs fixed N over the desk's closed trades; N = 3 redraws the fixed line
        robot.clickOn("Kelly vs fixed");
        var chart = composition.shell().chartView().orElseThrow();
        robot.interact(() -> robot.lookup("#scope").queryAs(javafx.scene.control.ComboBox.class).setValue("Whole desk"));
        Eventually.await(Duration.ofSeconds(10), "three replayed lines", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return chart.chart().getData().size() == 3;
        });
        robot.interact(() -> robot.lookup("#fixedContracts").queryAs(javafx.scene.control.Spinner.class).getValueFactory().setValue(3));
        Eventually.await(Duration.ofSeconds(10), "fixed line redrawn for 3 contracts", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return chart.chart().getData().size() == 3 && chart.chart().getData().get(2).getName().startsWith("fixed 3:");
        });
        var fixed = chart.chart().getData().get(2).getData();
        double start = fixed.getFirst().getYValue().doubleValue();
        double end = fixed.getLast().getYValue().doubleValue();
        double perContract = 0;
        for (String symbol : composition.engine().activeSymbols()) {
            perContract += io.kellydesk.core.KellyReplay.inWindow(composition.engine().closedTrades(symbol), java.time.Instant.now(),
                    Duration.ofDays(30)).stream().mapToDouble(io.kellydesk.core.ClosedTrade::pnlPerContractCurrency).sum();
        }
        // fixed N: equity moves by N × each trade's result per contract (no ruin at this size)
        assertThat(end - start).isCloseTo(3 * perContract, org.assertj.core.api.Assertions.within(1e-6 * Math.max(1, Math.abs(perContract))));
        Screenshots.save(stage.getScene(), "main-window-chart");

        robot.interact(() -> composition.mainViewModel().themeProperty().set(io.kellydesk.desk.fx.Theme.LIGHT));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), "main-window-light-live");

        // Help › Local API: the URL, the token's file, a curl line that works as copied
        Eventually.await(Duration.ofSeconds(10), "the local API listens", () -> composition.apiPort().isPresent());
        robot.clickOn("Help").clickOn("Local API…");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.DialogPane help = robot.lookup("#local-api").queryAs(javafx.scene.control.DialogPane.class);
        String curl = robot.lookup("#local-api-curl").queryAs(javafx.scene.control.TextField.class).getText();
        assertThat(help.getHeaderText()).contains("http://127.0.0.1:" + composition.apiPort().getAsInt() + "/api/kelly");
        assertThat(curl).contains("api-token").endsWith("/api/kelly/current-recommendations");
        Screenshots.save(help.getScene(), "help-local-api");
    }
}
