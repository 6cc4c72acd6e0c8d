package io.kellydesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayoffStatisticsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T14:30:00Z");

    private static ClosedTrade trade(String symbol, int contracts, double pnl, int daysAgo) {
        Instant exit = NOW.minus(Duration.ofDays(daysAgo));
        return new ClosedTrade("T" + daysAgo + pnl, symbol, Direction.LONG, contracts, exit.minusSeconds(3600), exit, 100, 101, pnl);
    }

    @Test
    void perContractWinsAndLossesInTheWindow() {
        List<ClosedTrade> trades = List.of(
                trade("NQ", 2, 1700, 1),   // +850 per contract
                trade("NQ", 1, 450, 2),    // +450
                trade("NQ", 3, -900, 3),   // −300
                trade("NQ", 1, 0, 4),      // neither
                trade("NQ", 1, -500, 40),  // outside the 30-day window
                trade("ES", 1, 9999, 1));  // another symbol
        PayoffStatistics stats = PayoffStatistics.of(trades, "NQ", NOW, Duration.ofDays(30));
        assertThat(stats.wins()).isEqualTo(2);
        assertThat(stats.losses()).isEqualTo(1);
        assertThat(stats.meanWinPerContract()).isCloseTo(650, within(1e-9));   // (850 + 450) / 2
        assertThat(stats.meanLossPerContract()).isCloseTo(300, within(1e-9));
        assertThat(stats.decisiveTrades()).isEqualTo(3);
        assertThat(stats.historicalPayoffRatio().getAsDouble()).isCloseTo(650.0 / 300, within(1e-12));
        // b = (n·b_hist + k·b0)/(n + k) = (3 · 2.166667 + 20 · 1)/23 = 26.5/23 = 1.152174
        assertThat(stats.shrunkPayoffRatio(1.0, 20)).isCloseTo(1.152174, within(1e-6));
    }

    @Test
    void withoutWinsOrWithoutLossesTheRatioIsThePrior() {
        PayoffStatistics onlyWins = new PayoffStatistics(5, 0, 400, 0);
        assertThat(onlyWins.historicalPayoffRatio()).isEmpty();
        assertThat(onlyWins.shrunkPayoffRatio(1.3, 20)).isEqualTo(1.3);
        assertThat(PayoffStatistics.NONE.shrunkPayoffRatio(1.0, 20)).isEqualTo(1.0);
    }
}
