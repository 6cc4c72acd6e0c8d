package io.kellydesk.desk.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kellydesk.core.ClosedTrade;
import io.kellydesk.core.Direction;
import io.kellydesk.core.ModelCalibration;
import io.kellydesk.desk.fx.FxTasks;
import io.kellydesk.desk.fx.Theme;
import io.kellydesk.engine.LoggedDecisions;
import io.kellydesk.store.DecisionLog;
import io.kellydesk.store.StorageAlarm;
import io.kellydesk.store.StoreFixtures;
import io.kellydesk.testing.Screenshots;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
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

/** The calibration view over a real decision log with resolved trades: the reliability points and the scores. */
@ExtendWith(ApplicationExtension.class)
class CalibrationViewTest {

    @TempDir
    static Path dir;

    private DecisionLog log;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        if (log != null) {
            log.close();
        }
    }

    @Test
    void eachModelsReliabilityAndScoresFromTheLog(FxRobot robot) throws Exception {
        log = DecisionLog.open(dir.resolve("data"), Clock.systemUTC(), StorageAlarm.NONE);
        Instant t0 = Instant.parse("2026-11-30T14:00:00Z");
        // one LSTM-only TRADE long at confidence 0.65 (p_long 0.65, p_raw 0.65), then four trades after it: 3 won, 1 lost
        log.append(StoreFixtures.recommendation("NQZ26-CME", Direction.LONG, 0.65, t0)).get();
        List<ClosedTrade> trades = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Instant entry = t0.plus(Duration.ofMinutes(5 + i));
            trades.add(new ClosedTrade("T-" + i, "NQZ26-CME", Direction.LONG, 1, entry, entry.plusSeconds(60), 100, 101,
                    i < 3 ? 250 : -250));
        }
        assertThat(log.resolveOutcomes(trades).get()).isEqualTo(4);
        CalibrationViewModel viewModel = new CalibrationViewModel(new LoggedDecisions(log, Clock.systemUTC()), FxTasks.sameThread(), () -> 200);
        CalibrationView[] view = new CalibrationView[1];
        robot.interact(() -> {
            view[0] = new CalibrationView(viewModel);
            Scene scene = new Scene(view[0].root(), 1100, 620);
            Theme.DARK.applyTo(scene);
            stage.setScene(scene);
            stage.show();
            viewModel.refresh();
        });
        WaitForAsyncUtils.waitForFxEvents();
        var lstm = viewModel.reportsProperty().get().get(ModelCalibration.Source.LSTM);
        // Brier = (3 × 0.35² + 0.65²) / 4 = 0.1975; one bin 0.6–0.7 with observed 0.75 → ECE |0.75 − 0.65| = 0.10
        assertThat(lstm.outcomes()).isEqualTo(4);
        assertThat(lstm.brierScore()).isCloseTo(0.1975, within(1e-9));
        assertThat(lstm.expectedCalibrationError()).isCloseTo(0.10, within(1e-9));
        assertThat(viewModel.reportsProperty().get().get(ModelCalibration.Source.ENSEMBLE).outcomes()).isZero(); // no ensemble prediction
        assertThat(robot.lookup("#calibration-status").queryAs(Label.class).getText())
                .isEqualTo("4 resolved trades of the 200 calibration_min_outcomes needs: p is p_raw, not calibrated yet");
        XYChart.Series<?, ?> lstmLine = view[0].chart().getData().get(1);
        assertThat(lstmLine.getName()).isEqualTo("LSTM (n 4)");
        assertThat(lstmLine.getData()).singleElement().satisfies(point -> {
            assertThat(((Number) point.getXValue()).doubleValue()).isCloseTo(65, within(1e-9));
            assertThat(((Number) point.getYValue()).doubleValue()).isCloseTo(75, within(1e-9));
        });
        assertThat(robot.lookup(".calibration-scores .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("0.1975", "10.0 %");
        Screenshots.save(stage.getScene(), "calibration-with-outcomes");
    }
}
