package io.kellydesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ModelCalibrationTest {

    private static CalibrationOutcome outcome(Direction side, Double lstmLong, Double ensembleLong, double raw, boolean won) {
        return new CalibrationOutcome(side, lstmLong == null ? OptionalDouble.empty() : OptionalDouble.of(lstmLong),
                ensembleLong == null ? OptionalDouble.empty() : OptionalDouble.of(ensembleLong), raw, OptionalDouble.of(raw), won);
    }

    @Test
    void aShortTakesOneMinusTheModelsProbabilityOfLong() {
        // LSTM said P(long) = 0.3 before a short: it gave the short 0.7 → bin 0.7–0.8
        var reports = ModelCalibration.of(List.of(outcome(Direction.SHORT, 0.3, null, 0.7, true)));
        CalibrationReport lstm = reports.get(ModelCalibration.Source.LSTM);
        assertThat(lstm.outcomes()).isEqualTo(1);
        assertThat(lstm.bins().get(7).count()).isEqualTo(1);
        assertThat(lstm.bins().get(7).meanPredicted()).isCloseTo(0.7, within(1e-12));
        // the ensemble had no prediction: the outcome is left out of its report, not counted at 0.5
        assertThat(reports.get(ModelCalibration.Source.ENSEMBLE).outcomes()).isZero();
    }

    @Test
    void brierAndEceByHand() {
        // four longs the LSTM called at P(long) 0.65: three won, one lost.
        // Brier = (3 × (0.65 − 1)² + (0.65 − 0)²) / 4 = (3 × 0.1225 + 0.4225) / 4 = 0.7900 / 4 = 0.1975
        // one bin (0.6–0.7): observed 0.75, predicted 0.65 → ECE = 4/4 × |0.75 − 0.65| = 0.10
        List<CalibrationOutcome> outcomes = List.of(
                outcome(Direction.LONG, 0.65, 0.6, 0.62, true), outcome(Direction.LONG, 0.65, 0.6, 0.62, true),
                outcome(Direction.LONG, 0.65, 0.6, 0.62, true), outcome(Direction.LONG, 0.65, 0.6, 0.62, false));
        CalibrationReport lstm = ModelCalibration.of(outcomes).get(ModelCalibration.Source.LSTM);
        assertThat(lstm.brierScore()).isCloseTo(0.1975, within(1e-12));
        assertThat(lstm.expectedCalibrationError()).isCloseTo(0.10, within(1e-12));
    }

    @Test
    void eceWeighsEachBinByItsShare() {
        // bin 0.5–0.6: 2 outcomes at 0.55, 1 won → gap |0.5 − 0.55| = 0.05
        // bin 0.9–1.0: 2 outcomes at 0.95, 0 won → gap 0.95
        // ECE = 2/4 × 0.05 + 2/4 × 0.95 = 0.025 + 0.475 = 0.50
        CalibrationReport r = CalibrationReport.of(new double[] {0.55, 0.55, 0.95, 0.95}, new boolean[] {true, false, false, false}, 10);
        assertThat(r.expectedCalibrationError()).isCloseTo(0.50, within(1e-12));
        assertThat(CalibrationReport.of(new double[0], new boolean[0], 10).expectedCalibrationError()).isZero();
    }
}
