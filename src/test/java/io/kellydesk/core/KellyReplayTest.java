package io.kellydesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KellyReplayTest {

    private static final Instant T0 = Instant.parse("2026-11-01T14:00:00Z");

    private static ClosedTrade trade(int i, double pnlPerContract) {
        Instant entry = T0.plus(Duration.ofHours(i));
        return new ClosedTrade("T" + i, "NQZ26-CME", Direction.LONG, 1, entry, entry.plusSeconds(600), 1, 1, pnlPerContract);
    }

    @Test
    void theFixedLegIsPlainArithmeticWithDrawdownAndLogGrowth() {
        // 1,000 with 1 contract: +100, −200, +50 → 1,100, 900, 950.
        // max drawdown 1 − 900/1,100 = 0.181818; mean log growth ln(950/1,000)/3 = −0.0170977
        List<ClosedTrade> trades = List.of(trade(0, 100), trade(1, -200), trade(2, 50));
        KellyReplay.Result r = KellyReplay.replay(trades, 1_000, SizingSettings.defaults(), Map.of("NQZ26-CME", 500.0), 1);
        assertThat(r.fixed().equity()).containsExactly(1_000, 1_100, 900, 950);
        assertThat(r.fixed().maxDrawdownFraction()).isCloseTo(0.181818, within(1e-6));
        assertThat(r.fixed().meanLogGrowthPerTrade()).isCloseTo(-0.0170977, within(1e-6));
    }

    @Test
    void walkForwardKellyBetsNothingWithoutAnEstablishedEdge() {
        // Before the first trade there is no history: p = (0 + 20·0.5)/(0 + 20) = 0.5, b = 1 → f* = 0 → 0 contracts
        KellyReplay.Result r = KellyReplay.replay(List.of(trade(0, 100), trade(1, 100)), 100_000, SizingSettings.defaults(),
                Map.of("NQZ26-CME", 500.0), 1);
        assertThat(r.kelly().contracts()[0]).isZero();
        // Before the second: 1 win of 100, no loss → p = (1 + 10)/(1 + 20) = 0.52381, b = b0 = 1 (no loss yet)
        // f* = 2p − 1 = 0.047619; f = 0.5 × 0.047619 = 0.0238095 ≥ 0.01; contracts = floor(0.0238095 × 100,000 / 500) = 4
        assertThat(r.kelly().contracts()[1]).isEqualTo(4);
        // half: 0.0119048 × 100,000 / 500 = 2.38 → 2
        assertThat(r.halfKelly().contracts()[1]).isEqualTo(2);
        assertThat(r.kelly().finalEquity()).isEqualTo(100_000 + 4 * 100);
    }

    @Test
    void aWinningRecordMakesKellyOutgrowFixedSizeAndHalfKellyDrawsDownLess() {
        List<ClosedTrade> trades = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            trades.add(trade(i, i % 3 == 2 ? -100 : 110)); // 2 wins of 110 for each loss of 100
        }
        KellyReplay.Result r = KellyReplay.replay(trades, 100_000, SizingSettings.defaults(), Map.of("NQZ26-CME", 100.0), 1);
        assertThat(r.kelly().finalEquity()).isGreaterThan(r.fixed().finalEquity());
        assertThat(r.halfKelly().maxDrawdownFraction()).isLessThanOrEqualTo(r.kelly().maxDrawdownFraction());
        assertThat(java.util.Arrays.stream(r.kelly().contracts()).allMatch(c -> c >= 0 && c <= 5)).isTrue();
    }
}
