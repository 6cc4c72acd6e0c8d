package io.kellydesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.kellydesk.core.ReasonCode;
import io.kellydesk.core.UpstreamService;
import io.kellydesk.engine.SymbolSnapshot;
import io.kellydesk.settings.SettingsFiles;
import io.kellydesk.testing.Eventually;
import io.kellydesk.testing.MutableClock;
import io.kellydesk.testing.Screenshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

/**
 * The trader's scenarios on the real window and the demo services over loopback HTTP, with a clock the test
 * moves so that ageing past max_prediction_age_s is exact.
 */
@ExtendWith(ApplicationExtension.class)
class DeskScenariosTest {

    @TempDir
    Path temp;

    private final MutableClock clock = new MutableClock(Instant.now());
    private DeskComposition composition;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path settings = temp.resolve("settings.json");
        SettingsFiles.createWithDefaultsIfMissing(settings);
        // account and positions every half second, so a drawdown shows at once
        Files.writeString(settings, Files.readString(settings).replace("\"poll_account_ms\": 5000", "\"poll_account_ms\": 500"));
        composition = new DeskComposition(new AppOptions(settings, temp.resolve("data"), AppOptions.DemoMode.ON),
                BuildInfo.load(), Platform::runLater, clock);
        composition.showIn(stage);
    }

    @AfterEach
    void close() {
        composition.close();
    }

    private void awaitEightTiles() {
        Eventually.await(Duration.ofSeconds(10), "8 tiles from all inputs", () -> composition.engine().snapshots().size() == 8
                && composition.engine().snapshots().stream().allMatch(s -> s.recommendation().estimate().isPresent()
                        && s.recommendation().inputs().account().isPresent()));
    }

    /** Scrolls the tile into view first, as the trader would: a tile out of view is brought up to date when seen. */
    private String statusOf(FxRobot robot, String symbol) {
        robot.interact(() -> io.kellydesk.desk.fx.ScrollIntoView.node(robot.lookup("#tileScroll").queryAs(javafx.scene.control.ScrollPane.class),
                robot.lookup("#tile-" + symbol).queryAs(javafx.scene.Node.class)));
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#tile-" + symbol + " .tile-status").queryAs(Label.class).getText();
    }

    @Test
    void predictionServicesGoDownTheTilesTurnStaleThenFailClosed(FxRobot robot) {
        awaitEightTiles();
        var demo = composition.demo().orElseThrow();
        demo.outage(UpstreamService.LSTM, Instant.now().plusSeconds(120));
        demo.outage(UpstreamService.ENSEMBLE, Instant.now().plusSeconds(120));
        Eventually.await(Duration.ofSeconds(10), "failed polls shown on the inputs", () -> composition.engine().snapshots().stream()
                .allMatch(s -> s.prediction(io.kellydesk.core.ModelId.LSTM).lastError().isPresent() && s.prediction(io.kellydesk.core.ModelId.ENSEMBLE).lastError().isPresent()));

        // 61 s on: every prediction is older than max_prediction_age_s (60 s); the quote and account are fresh
        clock.advance(Duration.ofSeconds(61));
        Eventually.await(Duration.ofSeconds(10), "every symbol failed closed on stale input", () -> composition.engine().snapshots()
                .stream().map(SymbolSnapshot::recommendation).allMatch(r -> r.reason() == ReasonCode.STALE_INPUT && r.contracts() == 0));
        Eventually.await(Duration.ofSeconds(5), "tiles say STALE with the ages", () -> composition.engine().snapshots().stream()
                .allMatch(s -> statusOf(robot, s.symbol()).startsWith("STALE · LSTM ")));
        for (SymbolSnapshot s : composition.engine().snapshots()) {
            assertThat(statusOf(robot, s.symbol())).contains("ensemble").contains("input too old to use"); // scrolls it into view
            assertThat(robot.lookup("#tile-" + s.symbol() + " .tile-contracts").queryAs(Label.class).getText()).isEqualTo("—");
        }
        Screenshots.save(stage.getScene(), "scenario-predictions-down-stale");

        Eventually.await(Duration.ofSeconds(5), "service-down notifications", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup(".notification-bar .title").queryAllAs(Label.class).stream()
                    .anyMatch(l -> "LSTM is down".equals(l.getText()));
        });
        // readable: the text against the pane it sits on, as rendered (WCAG contrast at least 4.5:1)
        assertReadableNotifications(robot, "dark");
        robot.interact(() -> composition.mainViewModel().themeProperty().set(io.kellydesk.desk.fx.Theme.LIGHT));
        WaitForAsyncUtils.waitForFxEvents();
        assertReadableNotifications(robot, "light");

        // The Health tab says which services are down, why, and how their circuits stand
        robot.clickOn("Health");
        Eventually.await(Duration.ofSeconds(5), "health table shows the LSTM down", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            var table = robot.lookup(".health-table").queryAs(javafx.scene.control.TableView.class);
            return table.getItems().stream().anyMatch(h -> h instanceof io.kellydesk.core.ServiceHealth sh
                    && sh.service() == UpstreamService.LSTM && sh.state() == io.kellydesk.core.ServiceState.DOWN
                    && sh.lastError().orElse("").contains("demo outage"));
        });
        Screenshots.save(stage.getScene(), "scenario-health-tab");
    }

    private static void assertReadableNotifications(FxRobot robot, String theme) {
        var panes = robot.lookup(".notification-bar > .pane").queryAllAs(javafx.scene.layout.Region.class);
        assertThat(panes).as("notifications on show").isNotEmpty();
        for (var pane : panes) {
            pane.applyCss();
            var fills = pane.getBackground().getFills();
            javafx.scene.paint.Color background = (javafx.scene.paint.Color) fills.get(fills.size() - 1).getFill();
            for (Label label : robot.from(pane).lookup(".label").queryAllAs(Label.class)) {
                if (label.getText() == null || label.getText().isBlank()) {
                    continue;
                }
                javafx.scene.paint.Color text = (javafx.scene.paint.Color) label.getTextFill();
                assertThat(contrast(text, background)).as("%s theme: \"%s\" %s on %s", theme, label.getText(), text, background)
                        .isGreaterThanOrEqualTo(4.5);
            }
        }
    }

    /** WCAG 2 contrast ratio: (L1 + 0.05) / (L2 + 0.05) of the relative luminances. */
    static double contrast(javafx.scene.paint.Color a, javafx.scene.paint.Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(javafx.scene.paint.Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

    @Test
    void drawdownCrossesTheTriggerAndEmergencyShows(FxRobot robot) {
        awaitEightTiles();
        composition.demo().orElseThrow().market().forceDrawdown(0.35);
        Eventually.await(Duration.ofSeconds(10), "drawdown 35 % in the header", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup("#drawdownLabel").queryAs(Label.class).getText().equals("35.0 %");
        });
        Eventually.await(Duration.ofSeconds(5), "drawdown shown in the alarm colour", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup("#drawdownLabel").queryAs(Label.class).getStyleClass().contains("danger");
        });
        Eventually.await(Duration.ofSeconds(10), "every recommendation flagged EMERGENCY", () -> composition.engine().snapshots()
                .stream().allMatch(s -> s.recommendation().drawdownFraction().isEmpty() || s.recommendation().emergency()));
        for (SymbolSnapshot s : composition.engine().snapshots()) {
            if (s.recommendation().isTrade()) {
                Eventually.await(Duration.ofSeconds(5), s.symbol() + " tile says EMERGENCY",
                        () -> statusOf(robot, s.symbol()).startsWith("EMERGENCY · drawdown 35.0 %"));
            }
        }
        Screenshots.save(stage.getScene(), "scenario-drawdown-emergency");
        // and a notification said so, without a modal dialog
        Eventually.await(Duration.ofSeconds(5), "emergency notification", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup(".notification-bar .title").queryAllAs(Label.class).stream()
                    .anyMatch(l -> l.getText() != null && l.getText().startsWith("EMERGENCY: drawdown 35.0 %"));
        });
    }
}
