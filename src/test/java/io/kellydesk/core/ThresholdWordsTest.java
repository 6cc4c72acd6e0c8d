package io.kellydesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThresholdWordsTest {

    @Test
    void pAndTheThresholdNeverPrintAlike() {
        assertThat(KellySizer.belowThreshold(0.55, 0.60)).isEqualTo("p 55.00% < threshold 60.00%");
        // 0.59996 prints 60.00 % with two decimals: three are needed (59.996 %)
        assertThat(KellySizer.belowThreshold(0.59996, 0.60)).isEqualTo("p 59.996% < threshold 60.000%");
        assertThat(KellySizer.belowThreshold(0.5999999, 0.60)).isEqualTo("p 59.99999% < threshold 60.00000%");
    }
}
