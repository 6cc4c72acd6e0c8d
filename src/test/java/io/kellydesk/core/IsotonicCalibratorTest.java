package io.kellydesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IsotonicCalibratorTest {

    @Test
    void poolAdjacentViolatorsOnTheTextbookSequence() {
        // 0 | 1,0 → .5,.5 | 1,1,0 → 2/3 ×3 | 1 | 1   (each pool is the mean of its members)
        double[] fitted = IsotonicCalibrator.poolAdjacentViolators(new double[] {0, 1, 0, 1, 1, 0, 1, 1});
        assertThat(fitted).containsExactly(new double[] {0, .5, .5, .666667, .666667, .666667, 1, 1}, within(1e-6));
    }

    @Test
    void theFitMapsScoresThroughTheFittedSteps() {
        List<IsotonicCalibrator.Outcome> outcomes = new ArrayList<>();
        double[] scores = {0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90};
        boolean[] won = {false, true, false, true, true, false, true, true};
        for (int i = 0; i < scores.length; i++) {
            outcomes.add(new IsotonicCalibrator.Outcome(scores[i], won[i]));
        }
        IsotonicCalibrator fit = IsotonicCalibrator.fit(outcomes);
        assertThat(fit.outcomeCount()).isEqualTo(8);
        assertThat(fit.calibrate(0.60)).isCloseTo(0.5, within(1e-9));
        assertThat(fit.calibrate(0.75)).isCloseTo(2.0 / 3, within(1e-9));
        // Halfway between knots 0.55 (0) and 0.60 (0.5): linear, 0.25.
        assertThat(fit.calibrate(0.575)).isCloseTo(0.25, within(1e-9));
        // Clamped outside the fitted range.
        assertThat(fit.calibrate(0.99)).isEqualTo(1.0);
        assertThat(fit.calibrate(0.51)).isEqualTo(0.0);
    }

    @Test
    void tiedScoresShareOneValueAndNoOutcomesMeansIdentity() {
        IsotonicCalibrator fit = IsotonicCalibrator.fit(List.of(
                new IsotonicCalibrator.Outcome(0.7, true), new IsotonicCalibrator.Outcome(0.7, false)));
        assertThat(fit.calibrate(0.7)).isEqualTo(0.5);
        assertThat(IsotonicCalibrator.fit(List.of()).calibrate(0.63)).isCloseTo(0.63, within(1e-12));
    }

    @Test
    void brierScoreLogLossAndReliability() {
        // Brier: mean of (p − o)²: .0081 + .0289 + .0961 + .3844 + .0289 + .0841 + .2025 + .4356 = 1.2686 / 8 = 0.158575
        // Log loss: −mean(o ln p + (1 − o) ln(1 − p)) = 0.478094
        double[] p = {.91, .83, .31, .62, .17, .71, .55, .66};
        boolean[] o = {true, true, false, false, false, true, true, false};
        CalibrationReport report = CalibrationReport.of(p, o, 5);
        assertThat(report.brierScore()).isCloseTo(0.158575, within(1e-6));
        assertThat(report.logLoss()).isCloseTo(0.478094, within(1e-6));
        // Bin [0.6, 0.8): 0.62 (lost), 0.71 (won), 0.66 (lost) → 3 outcomes, mean 0.663333, 1/3 won.
        CalibrationReport.ReliabilityBin bin = report.bins().get(3);
        assertThat(bin.count()).isEqualTo(3);
        assertThat(bin.meanPredicted()).isCloseTo(0.663333, within(1e-6));
        assertThat(bin.observedRate()).isCloseTo(1.0 / 3, within(1e-9));
    }
}
