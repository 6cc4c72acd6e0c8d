package io.kellydesk.desk.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.kellydesk.core.KellyReplay;
import org.junit.jupiter.api.Test;

class ChartTicksTest {

    @Test
    void wholeTradeTicksAtMostTen() {
        assertThat(ChartViewModel.tradeTick(10)).isEqualTo(1);
        assertThat(ChartViewModel.tradeTick(11)).isEqualTo(2);
        assertThat(ChartViewModel.tradeTick(130)).isEqualTo(20); // 130 / 20 = 6.5 ticks; 10 would make 13
        assertThat(ChartViewModel.tradeTick(1000)).isEqualTo(100);
    }

    @Test
    void theLegendNamesTheFractionOfKelly() {
        assertThat(KellyReplay.kellyWords(0.5)).isEqualTo("½ Kelly");
        assertThat(KellyReplay.kellyWords(0.25)).isEqualTo("¼ Kelly");
        assertThat(KellyReplay.kellyWords(1)).isEqualTo("full Kelly");
        assertThat(KellyReplay.kellyWords(0.3)).isEqualTo("0.3 × Kelly");
    }
}
