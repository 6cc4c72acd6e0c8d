package io.kellydesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorrelationsTest {

    private static List<Bar> bars(double... closes) {
        List<Bar> bars = new ArrayList<>();
        Instant day = Instant.parse("2026-08-01T00:00:00Z");
        for (double close : closes) {
            bars.add(new Bar(day, close, close, close, close, 1));
            day = day.plusSeconds(86_400);
        }
        return bars;
    }

    @Test
    void pearsonOfAHandWorkedSample() {
        // x = 1,2,3,4; y = 2,4,5,4: means 2.5, 3.75; Sxy = 3.5, Sxx = 5, Syy = 4.75 → r = 3.5/√23.75 = 0.718185
        assertThat(Correlations.pearson(new double[] {1, 2, 3, 4}, new double[] {2, 4, 5, 4}).getAsDouble())
                .isCloseTo(0.718185, within(1e-6));
    }

    @Test
    void returnsThatMoveTogetherOrApart() {
        List<Bar> a = bars(100, 102, 101, 104, 103, 106);
        List<Bar> doubled = bars(200, 204, 202, 208, 206, 212);          // same returns
        List<Bar> mirrored = bars(100, 98, 99, 96, 97, 94);               // opposite moves of equal size
        assertThat(Correlations.ofReturns(a, doubled, 60).getAsDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(Correlations.ofReturns(a, mirrored, 60).getAsDouble()).isLessThan(-0.99);
    }

    @Test
    void tooFewCommonBarsOrAFlatSeriesGiveNoCorrelation() {
        assertThat(Correlations.ofReturns(bars(1, 2, 3), bars(1, 2, 3), 60)).isEmpty();
        assertThat(Correlations.ofReturns(bars(1, 2, 3, 4, 5), bars(7, 7, 7, 7, 7), 60)).isEmpty();
    }

    @Test
    void theMatrixIsSymmetricWithOnesOnTheDiagonal() {
        double[][] rho = Correlations.matrix(List.of(bars(100, 102, 101, 104, 103), bars(50, 51, 50.5, 52, 51.5),
                bars(10, 9, 11, 10, 12)), 60);
        for (int i = 0; i < 3; i++) {
            assertThat(rho[i][i]).isEqualTo(1.0);
            for (int j = 0; j < 3; j++) {
                assertThat(rho[i][j]).isEqualTo(rho[j][i]);
            }
        }
        assertThat(rho[0][1]).isCloseTo(1.0, within(1e-9)); // series 2 is series 1 halved
    }

    @Test
    void theSharedGridShortcutAgreesWithPairByPairMatching() {
        List<Bar> a = bars(100, 102, 101, 104, 103, 106, 105, 107);
        List<Bar> b = bars(50, 50.5, 51, 50.2, 51.8, 52, 51.1, 53);
        List<Bar> c = bars(10, 9.5, 9.9, 9.7, 10.4, 10.1, 10.6, 10.2);
        double[][] rho = Correlations.matrix(List.of(a, b, c), 6);
        assertThat(rho[0][1]).isCloseTo(Correlations.ofReturns(a, b, 6).getAsDouble(), within(1e-12));
        assertThat(rho[1][2]).isCloseTo(Correlations.ofReturns(b, c, 6).getAsDouble(), within(1e-12));
        // shift one series by a day: no shared grid, the pairwise path answers
        List<Bar> shifted = new java.util.ArrayList<>(c.subList(1, c.size()));
        double[][] mixed = Correlations.matrix(List.of(a, shifted), 6);
        assertThat(mixed[0][1]).isCloseTo(Correlations.ofReturns(a, shifted, 6).orElse(0), within(1e-12));
    }
}
