package io.kellydesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Literature vectors (Kelly 1956; Thorp, "The Kelly criterion in blackjack, sports betting and the stock market"). */
class KellyMathTest {

    private static final double TOL = 1e-6;

    @Test
    void evenMoneyAtSixtyPercent() {
        // f* = (1·0.6 − 0.4)/1 = 0.2; g* = 0.6 ln 1.2 + 0.4 ln 0.8 = 0.109393 − 0.089257 = 0.0201355
        assertThat(KellyMath.fullKellyFraction(0.6, 1)).isCloseTo(0.2, within(TOL));
        assertThat(KellyMath.growthRate(0.6, 1, 0.2)).isCloseTo(0.0201355, within(TOL));
    }

    @Test
    void thinEdgeCrossesZeroNearTwiceKelly() {
        // f* = 0.51 − 0.49 = 0.02; g(f) = 0 again at f ≈ 0.0399893 (just under 2 f*)
        assertThat(KellyMath.fullKellyFraction(0.51, 1)).isCloseTo(0.02, within(TOL));
        assertThat(KellyMath.growthZeroCrossing(0.51, 1)).isCloseTo(0.0399893, within(TOL));
    }

    @Test
    void twoToOnePayoff() {
        // f* = (2·0.55 − 0.45)/2 = 0.325; g* = 0.55 ln 1.65 + 0.45 ln 0.675 = 0.275426 − 0.176869 = 0.0985572
        assertThat(KellyMath.fullKellyFraction(0.55, 2)).isCloseTo(0.325, within(TOL));
        assertThat(KellyMath.growthRate(0.55, 2, 0.325)).isCloseTo(0.0985572, within(TOL));
    }

    @Test
    void halfKellyKeepsAboutThreeQuartersOfTheGrowth() {
        // g(0.1) = 0.6 ln 1.1 + 0.4 ln 0.9 = 0.0150419; / 0.0201355 = 0.747033
        double ratio = KellyMath.growthRate(0.6, 1, 0.1) / KellyMath.growthRate(0.6, 1, 0.2);
        assertThat(ratio).isCloseTo(0.747033, within(TOL));
    }

    @Test
    void chanceOfEverLosingThirtyPercent() {
        // x^(2/c − 1): c = 0.5 → 0.7³ = 0.343; c = 0.25 → 0.7⁷ = 0.0823543; full Kelly → 0.7
        assertThat(KellyMath.probabilityOfEverFallingTo(0.7, 0.5)).isCloseTo(0.343, within(TOL));
        assertThat(KellyMath.probabilityOfEverFallingTo(0.7, 0.25)).isCloseTo(0.0823543, within(TOL));
        assertThat(KellyMath.probabilityOfEverFallingTo(0.7, 1.0)).isCloseTo(0.7, within(TOL));
        assertThat(KellyMath.probabilityOfEverFallingTo(0.7, 2.0)).isEqualTo(1.0);
    }

    @Test
    void growthIsLargestAtKellyAndNegativePastTheCrossing() {
        double fStar = KellyMath.fullKellyFraction(0.6, 1);
        double cross = KellyMath.growthZeroCrossing(0.6, 1);
        assertThat(KellyMath.growthRate(0.6, 1, fStar)).isGreaterThan(KellyMath.growthRate(0.6, 1, fStar - 0.01))
                .isGreaterThan(KellyMath.growthRate(0.6, 1, fStar + 0.01));
        assertThat(KellyMath.growthRate(0.6, 1, cross + 0.01)).isNegative();
    }

    @Test
    void aSureWinHasFiniteGrowthAndNoEdgeHasNoCrossing() {
        assertThat(KellyMath.growthRate(1.0, 1, 1.0)).isCloseTo(Math.log(2), within(TOL));
        assertThat(KellyMath.growthZeroCrossing(0.4, 1)).isZero();
    }

    @Test
    void badInputsAreRefusedNotComputed() {
        assertThatThrownBy(() -> KellyMath.fullKellyFraction(1.2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KellyMath.fullKellyFraction(0.6, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KellyMath.growthRate(0.6, 1, 1.0)).hasMessageContaining("−∞");
        assertThatThrownBy(() -> KellyMath.probabilityOfEverFallingTo(1.0, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
