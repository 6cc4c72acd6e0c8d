package io.kellydesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.kellydesk.demo.DemoMarket;
import io.kellydesk.settings.SettingsFiles;
import io.kellydesk.testing.Eventually;
import io.kellydesk.testing.MutableClock;
import io.kellydesk.testing.Screenshots;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
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
 * The trader hands NQ off from the detail pane to the demo trading engine over loopback HTTP. The clock is set
 * inside a demo epoch where both NQ models are confident (≥ 0.66), so NQ is a TRADE for the whole test.
 */
@ExtendWith(ApplicationExtension.class)
class HandoffScenariosTest {

    private static final String NQ = "NQZ26-CME";

    @TempDir
    Path temp;

    private DeskComposition composition;
    private Stage stage;

    /** The start of the first demo epoch from now in which both NQ models say ≥ 0.66 (the demo is deterministic). */
    static Instant confidentNqEpoch() {
        long epochMs = DemoMarket.EPOCH.toMillis();
        long first = Instant.now().toEpochMilli() / epochMs + 1;
        for (long e = first; e < first + 5_000; e++) {
            Instant at = Instant.ofEpochMilli(e * epochMs);
            DemoMarket market = DemoMarket.cmeEight(Clock.fixed(at, ZoneOffset.UTC));
            if (market.lstm(NQ).confidence() >= 0.66 && market.ensemble(NQ).confidence() >= 0.66) {
                return at;
            }
        }
        throw new IllegalStateException("no confident NQ epoch in 5,000 epochs");
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Path settings = temp.resolve("settings.json");
        SettingsFiles.createWithDefaultsIfMissing(settings);
        MutableClock clock = new MutableClock(confidentNqEpoch().plusSeconds(5));
        composition = new DeskComposition(new AppOptions(settings, temp.resolve("data"), AppOptions.DemoMode.ON),
                BuildInfo.load(), Platform::runLater, clock);
        composition.showIn(stage);
    }

    @AfterEach
    void close() {
        composition.close();
    }

    private Stage openNqTicket(FxRobot robot) {
        Eventually.await(Duration.ofSeconds(15), "NQ is a trade", () -> composition.engine().snapshot(NQ)
                .map(s -> s.recommendation().isTrade() && s.recommendation().inputs().account().isPresent()).orElse(false));
        Eventually.await(Duration.ofSeconds(5), "NQ tile shown", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup("#tile-" + NQ).tryQuery().isPresent();
        });
        robot.clickOn("#tile-" + NQ);
        Eventually.await(Duration.ofSeconds(5), "Hand off enabled", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return !robot.lookup("#handOffButton").queryButton().isDisabled();
        });
        robot.clickOn("#handOffButton");
        WaitForAsyncUtils.waitForFxEvents();
        return (Stage) robot.window("Hand off " + NQ);
    }

    private String ticketStatus(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#statusLabel").queryAs(Label.class).getText();
    }

    @Test
    void theTraderHandsOffNqAndTheTileShowsTheEnginesOrderId(FxRobot robot) throws Exception {
        Stage ticket = openNqTicket(robot);
        int recommended = composition.engine().snapshot(NQ).orElseThrow().recommendation().contracts();
        @SuppressWarnings("unchecked")
        Spinner<Integer> quantity = robot.lookup("#quantity").queryAs(Spinner.class);
        assertThat(quantity.getValue()).isEqualTo(recommended);
        // typing more than the recommendation cannot stick: the spinner holds at most the recommendation
        robot.clickOn(quantity.getEditor()).push(KeyCode.CONTROL, KeyCode.A).write(Integer.toString(recommended + 7));
        robot.push(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(quantity.getValue()).isLessThanOrEqualTo(recommended);
        Screenshots.save(ticket.getScene(), "handoff-ticket");

        robot.clickOn("#sendButton");
        Eventually.await(Duration.ofSeconds(10), "accepted", () -> ticketStatus(robot).startsWith("Accepted by the engine: order E-"));
        Screenshots.save(ticket.getScene(), "handoff-ticket-accepted");
        Map<String, String> taken = composition.demo().orElseThrow().acceptedOrders();
        assertThat(taken).hasSize(1);
        String clientId = taken.keySet().iterator().next();
        String orderId = taken.get(clientId);
        assertThat(ticketStatus(robot)).contains(orderId).contains(clientId);

        // the tile says so, with the engine's order id
        Eventually.await(Duration.ofSeconds(5), "tile shows the order id", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup("#tile-" + NQ + " .tile-status").queryAs(Label.class).getText().contains("handed off " + orderId);
        });
        // and the log holds it as accepted, by this user
        var logged = composition.decisionLog().orElseThrow().queries().handoffs(Instant.EPOCH);
        assertThat(logged).singleElement().satisfies(h -> {
            assertThat(h.clientOrderId()).isEqualTo(clientId);
            assertThat(h.status()).isEqualTo("ACCEPTED");
            assertThat(h.engineOrderId()).isEqualTo(orderId);
            assertThat(h.userName()).isEqualTo(System.getProperty("user.name"));
        });
        robot.interact(ticket::hide);
        robot.clickOn("Handoffs");
        Eventually.await(Duration.ofSeconds(5), "Handoffs tab lists it", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            TableView<?> table = robot.lookup(".handoffs-table").queryAs(TableView.class);
            return table.getItems().size() == 1 && table.getItems().getFirst().toString().contains("ACCEPTED");
        });
        Screenshots.save(stage.getScene(), "handoff-tile-and-tab");
    }

    @Test
    void aDoubleClickOnSendSendsOneOrder(FxRobot robot) throws Exception {
        openNqTicket(robot);
        robot.doubleClickOn("#sendButton");
        Eventually.await(Duration.ofSeconds(10), "accepted", () -> ticketStatus(robot).startsWith("Accepted by the engine"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(composition.demo().orElseThrow().acceptedOrders()).hasSize(1);
        assertThat(composition.decisionLog().orElseThrow().queries().count("handoffs")).isEqualTo(1);
        // the spent ticket cannot send again
        assertThat(robot.lookup("#sendButton").queryButton().isDisabled()).isTrue();
    }
}
