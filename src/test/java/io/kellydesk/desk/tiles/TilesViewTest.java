package io.kellydesk.desk.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.kellydesk.core.Account;
import io.kellydesk.core.Direction;
import io.kellydesk.core.KellySizer;
import io.kellydesk.core.ModelId;
import io.kellydesk.core.PayoffStatistics;
import io.kellydesk.core.Prediction;
import io.kellydesk.core.Quote;
import io.kellydesk.core.Recommendation;
import io.kellydesk.core.SizingContext;
import io.kellydesk.core.SizingInputs;
import io.kellydesk.core.SizingSettings;
import io.kellydesk.engine.DeskEvent;
import io.kellydesk.engine.EventBus;
import io.kellydesk.engine.SymbolSnapshot;
import io.kellydesk.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import io.kellydesk.desk.fx.Theme;
import io.kellydesk.desk.fx.FxCoalescer;

/** The tile grid on a real scene: a tile out of view touches no node until it is scrolled into view. */
@ExtendWith(ApplicationExtension.class)
class TilesViewTest {

    private static final Instant NOW = Instant.parse("2026-11-23T14:30:00Z");
    private final MutableClock clock = new MutableClock(NOW);
    private final EventBus bus = new EventBus();
    private ScrollPane scroll;

    @Start
    void start(Stage stage) {
        FlowPane pane = new FlowPane(12, 12);
        scroll = new ScrollPane(pane);
        scroll.setFitToWidth(true);
        // three tiles (284 px + 12 px gap) a row, a little more than one row high: 12 tiles make four rows
        Scene scene = new Scene(scroll, 3 * 296 + 20, RecommendationTile.HEIGHT + 40);
        Theme.DARK.applyTo(scene);
        new TilesView(pane, new TilesViewModel(bus, new FxCoalescer(Runnable::run), symbol -> { }), clock).activate();
        stage.setScene(scene);
        stage.sizeToScene(); // TestFX reuses one stage: one sized by an earlier test would resize this scene
        stage.show();
    }

    @Test
    void aTileOutOfViewShowsItsNewestSnapshotWhenScrolledIntoView(FxRobot robot) {
        // equity 50,000 vs 200,000 at the same 70 % confidence: the sizer gives different contract counts
        Recommendation small = recommendation(50_000);
        Recommendation large = recommendation(200_000);
        assertThat(small.isTrade() && large.isTrade()).isTrue();
        assertThat(large.contracts()).isGreaterThan(small.contracts());
        List<String> symbols = List.of("S01", "S02", "S03", "S04", "S05", "S06", "S07", "S08", "S09", "S10", "S11", "S12");
        robot.interact(() -> symbols.forEach(s -> publish(s, small)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(contractsOf(robot, "S12")).as("a first snapshot always shows").isEqualTo(Integer.toString(small.contracts()));

        // the grid settles first (tiles take their share of the width): then S12 is on the fourth row, out of view
        javafx.scene.Node s12 = robot.lookup("#tile-S12").queryAs(javafx.scene.Node.class);
        io.kellydesk.testing.Eventually.await(java.time.Duration.ofSeconds(5), "S12 laid out below the view", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return s12.localToScene(s12.getLayoutBounds()).getMinY() > scroll.localToScene(scroll.getLayoutBounds()).getMaxY();
        });
        robot.interact(() -> {
            publish("S01", large); // in view: shows at once
            publish("S12", large); // last row, out of view: held
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(contractsOf(robot, "S01")).isEqualTo(Integer.toString(large.contracts()));
        assertThat(contractsOf(robot, "S12")).as("out of view: nothing touched yet").isEqualTo(Integer.toString(small.contracts()));

        robot.interact(() -> scroll.setVvalue(scroll.getVmax()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> { }); // one more pulse: the reveal runs after the layout that moved the tiles
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(contractsOf(robot, "S12")).as("scrolled into view: the newest snapshot").isEqualTo(Integer.toString(large.contracts()));
    }

    private static String contractsOf(FxRobot robot, String symbol) {
        return robot.lookup("#tile-" + symbol + " .tile-contracts").queryAs(Label.class).getText();
    }

    private void publish(String symbol, Recommendation r) {
        SymbolSnapshot.InputStatus fresh = new SymbolSnapshot.InputStatus(Optional.of(NOW), Optional.empty());
        bus.publish(new DeskEvent.RecommendationChanged(new SymbolSnapshot(symbol, r, NOW, fresh, fresh, fresh, Duration.ofSeconds(60))));
    }

    private static Recommendation recommendation(double equityCurrency) {
        Prediction p = new Prediction(ModelId.LSTM, "SIM", Direction.LONG, 0.70, Map.of(), "", NOW);
        SizingInputs in = io.kellydesk.testing.TestInputs.inputs("SIM", NOW, Optional.of(p), Optional.empty(), PayoffStatistics.NONE,
                Optional.of(new Account("A", equityCurrency, equityCurrency, "USD", NOW)),
                Optional.of(new Quote("SIM", 100, 100, 100, 0.25, 20, "USD", 85.5, 14, NOW)), List.of(), Set.of());
        return KellySizer.recommend(in, SizingContext.of(SizingSettings.defaults(), null));
    }
}
