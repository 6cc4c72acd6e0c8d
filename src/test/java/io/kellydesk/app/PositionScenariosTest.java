package io.kellydesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.kellydesk.core.ActionReason;
import io.kellydesk.core.Direction;
import io.kellydesk.core.OrderAction;
import io.kellydesk.core.Recommendation;
import io.kellydesk.demo.DemoServices;
import io.kellydesk.engine.PositionWords;
import io.kellydesk.settings.SettingsFiles;
import io.kellydesk.testing.Eventually;
import io.kellydesk.testing.MutableClock;
import io.kellydesk.testing.Screenshots;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import javafx.application.Platform;
import javafx.scene.control.Button;
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
 * The real window on the demo services: what a handoff does to the next recommendation once it fills, what a
 * drawdown does to positions above the emergency cap, and an engine that answers only after the desk gave up.
 * The clock stands inside a demo epoch where both NQ models are confident, so NQ stays a TRADE.
 */
@ExtendWith(ApplicationExtension.class)
class PositionScenariosTest {

    private static final String NQ = "NQZ26-CME";
    private static final String ES = "ESZ26-CME";

    @TempDir
    Path temp;

    private DeskComposition composition;
    private Stage stage;
    private MutableClock clock;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path settings = temp.resolve("settings.json");
        SettingsFiles.createWithDefaultsIfMissing(settings);
        // give up on an unanswered order after 5 s (the least the settings allow), so the late-answer case is quick
        Files.writeString(settings, Files.readString(settings, StandardCharsets.UTF_8)
                .replace("\"handoff_give_up_s\": 30", "\"handoff_give_up_s\": 5"), StandardCharsets.UTF_8);
        clock = new MutableClock(HandoffScenariosTest.confidentNqEpoch().plusSeconds(5));
        composition = new DeskComposition(new AppOptions(settings, temp.resolve("data"), AppOptions.DemoMode.ON),
                BuildInfo.load(), Platform::runLater, clock);
        composition.showIn(stage);
    }

    @AfterEach
    void close() {
        composition.close();
    }

    private DemoServices demo() {
        return composition.demo().orElseThrow();
    }

    private Recommendation latest(String symbol) {
        return composition.engine().snapshot(symbol).orElseThrow().recommendation();
    }

    private String tileLine(FxRobot robot, String symbol) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#tile-" + symbol + " .tile-position").queryAs(Label.class).getText();
    }

    private Stage openTicket(FxRobot robot, String symbol) {
        Eventually.await(Duration.ofSeconds(5), symbol + " tile shown", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup("#tile-" + symbol).tryQuery().isPresent();
        });
        robot.interact(() -> io.kellydesk.desk.fx.ScrollIntoView.node(robot.lookup("#tileScroll").queryAs(javafx.scene.control.ScrollPane.class),
                robot.lookup("#tile-" + symbol).queryAs(javafx.scene.Node.class)));
        robot.clickOn("#tile-" + symbol);
        Eventually.await(Duration.ofSeconds(5), "Hand off enabled", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return !robot.lookup("#handOffButton").queryButton().isDisabled();
        });
        robot.clickOn("#handOffButton");
        WaitForAsyncUtils.waitForFxEvents();
        return (Stage) robot.window("Hand off " + symbol);
    }

    private long scalar(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + composition.decisionLog().orElseThrow().file());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long maxRecommendationId() throws Exception {
        return scalar("SELECT coalesce(max(id), 0) FROM recommendations");
    }

    private String ticketStatus(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#statusLabel").queryAs(Label.class).getText();
    }

    @Test
    void aFilledHandoffLeavesTheSymbolAtTargetWithNoFurtherOrder(FxRobot robot) throws Exception {
        demo().fillDelay(Duration.ofMillis(300), Duration.ofMillis(900));
        Eventually.await(Duration.ofSeconds(15), "NQ is a trade from flat", () -> composition.engine().snapshot(NQ)
                .map(s -> s.recommendation().isTrade() && s.recommendation().action() == OrderAction.ADD).orElse(false));
        int target = latest(NQ).targetContracts();
        Stage ticket = openTicket(robot, NQ);
        Screenshots.save(ticket.getScene(), "position-ticket-add");
        robot.clickOn("#sendButton");
        Eventually.await(Duration.ofSeconds(10), "accepted", () -> ticketStatus(robot).startsWith("Accepted by the engine"));
        robot.interact(ticket::hide);
        // accepted and not filled yet: the order counts as working, so NQ is already at its target
        Eventually.await(Duration.ofSeconds(5), "written so far", () -> composition.engine().isIdle()
                && composition.decisionLog().orElseThrow().queuedWrites() == 0);
        long rowsBefore = maxRecommendationId();
        // the fill reaches the positions poll (every 5 s): then NQ holds its target and offers nothing more
        Eventually.await(Duration.ofSeconds(15), "NQ filled and at target", () -> {
            Recommendation r = latest(NQ);
            return r.heldContracts() == target && r.workingContracts() == 0 && r.actionReason() == ActionReason.AT_TARGET;
        });
        assertThat(latest(NQ).hasOrder()).isFalse();
        Eventually.await(Duration.ofSeconds(5), "tile says at target", () -> tileLine(robot, NQ).startsWith("at target"));
        String position = PositionWords.signed(target); // "5 long" or "5 short": the epoch decides NQ's side
        assertThat(tileLine(robot, NQ)).isEqualTo("at target " + position + " · holding " + position);
        Screenshots.save(stage.getScene(), "position-at-target");
        // from the send on, not one NQ recommendation offered a further buy: the order counted as working until it filled
        assertThat(scalar("SELECT count(*) FROM recommendations WHERE symbol = '" + NQ + "' AND action = 'ADD' AND id > " + rowsBefore))
                .isZero();
        assertThat(scalar("SELECT count(*) FROM recommendations WHERE symbol = '" + NQ + "' AND id > " + rowsBefore))
                .as("it was re-sized meanwhile (working, then held)").isPositive();
        assertThat(demo().acceptedOrders()).hasSize(1);
    }

    @Test
    void aDrawdownPastTheTriggerOffersReductionsToTheEmergencyCap(FxRobot robot) {
        // a symbol not pointing short in this epoch (so no reversal), flat, then 4 long fill: within max_position_size 5
        // sized on both models' predictions: a direction read before they arrived says nothing of this epoch's view
        Eventually.await(Duration.ofSeconds(15), "all symbols sized on both predictions", () -> composition.engine().snapshots().size() == 8
                && composition.engine().snapshots().stream().allMatch(s -> s.recommendation().inputs().lstm().isPresent()
                        && s.recommendation().inputs().ensemble().isPresent()));
        String symbol = composition.engine().snapshots().stream().map(s -> s.recommendation())
                .filter(r -> r.direction() != Direction.SHORT && r.heldContracts() == 0).map(Recommendation::symbol).findFirst().orElseThrow();
        demo().market().fill(symbol, Direction.LONG, 4, 100);
        Eventually.await(Duration.ofSeconds(15), symbol + " held 4", () -> latest(symbol).heldContracts() == 4);
        assertThat(latest(symbol).action()).isNotEqualTo(OrderAction.REDUCE);
        // 35 % below the peak: the cap becomes floor(5 × 0.5) = 2, so the symbol must sell 2
        demo().market().forceDrawdown(0.35);
        Eventually.await(Duration.ofSeconds(15), symbol + " reduces", () -> latest(symbol).action() == OrderAction.REDUCE,
                () -> latest(symbol).toString());
        Recommendation r = latest(symbol);
        assertThat(r.actionReason()).isEqualTo(ActionReason.EMERGENCY);
        assertThat(r.positionCapContracts()).isEqualTo(2);
        assertThat(r.orderContracts()).isEqualTo(-2);
        // a tile out of view keeps its newest snapshot without drawing it: bring it into view first
        robot.interact(() -> io.kellydesk.desk.fx.ScrollIntoView.node(robot.lookup("#tileScroll").queryAs(javafx.scene.control.ScrollPane.class),
                robot.lookup("#tile-" + symbol).queryAs(javafx.scene.Node.class)));
        Eventually.await(Duration.ofSeconds(5), "tile says reduce", () -> tileLine(robot, symbol).startsWith("reduce 2: emergency cap 2"),
                () -> tileLine(robot, symbol));
        Screenshots.save(stage.getScene(), "position-emergency-reduce");
        // and the ticket hands off exactly that: sell 2
        Stage ticket = openTicket(robot, symbol);
        assertThat(robot.lookup("#orderLabel").queryAs(Label.class).getText()).isEqualTo("reduce: sell 2");
        Screenshots.save(ticket.getScene(), "position-ticket-reduce");
        robot.interact(ticket::hide);
    }

    @Test
    void anEngineThatAnswersAfterTheDeskGaveUpGetsOneOrderAndTheDeskOffersOnlyTheSameId(FxRobot robot) {
        Eventually.await(Duration.ofSeconds(15), "NQ is a trade", () -> composition.engine().snapshot(NQ)
                .map(s -> s.recommendation().hasOrder()).orElse(false));
        // the engine takes every order at once but answers after 4 s: past the desk's 3 s call timeout, every try
        demo().orderAnswerDelay(Duration.ofSeconds(4));
        Stage ticket = openTicket(robot, NQ);
        robot.clickOn("#sendButton");
        // the desk's clock stands still in this test: move it past the 5 s give-up time once the first try went out
        Eventually.await(Duration.ofSeconds(10), "the engine took it", () -> demo().acceptedOrders().size() == 1);
        clock.advance(Duration.ofSeconds(6));
        Eventually.await(Duration.ofSeconds(20), "the desk gives up", () -> ticketStatus(robot).contains("may or may not hold it"));
        assertThat(demo().acceptedOrders()).as("the engine holds the order all the same").hasSize(1);
        robot.interact(ticket::hide);
        demo().orderAnswerDelay(Duration.ZERO);

        // the next ticket for NQ offers only the earlier order, under its own id
        Stage retry = openTicket(robot, NQ);
        Button send = robot.lookup("#sendButton").queryButton();
        assertThat(send.getText()).isEqualTo("Retry with the same id");
        assertThat(robot.lookup("#quantity").query().isDisabled()).isTrue();
        Screenshots.save(retry.getScene(), "position-ticket-retry-same-id");
        robot.clickOn("#sendButton");
        Eventually.await(Duration.ofSeconds(10), "found at the engine", () -> ticketStatus(robot).contains("nothing was resent"),
                () -> ticketStatus(robot));
        assertThat(ticketStatus(robot)).startsWith("Accepted by the engine: order E-");
        assertThat(demo().acceptedOrders()).as("still one order").hasSize(1);
        robot.interact(retry::hide);
    }
}
