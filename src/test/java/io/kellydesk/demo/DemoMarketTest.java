package io.kellydesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.kellydesk.core.Bar;
import io.kellydesk.core.Correlations;
import io.kellydesk.core.Direction;
import io.kellydesk.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoMarketTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T14:30:00Z"));
    private final DemoMarket market = DemoMarket.cmeEight(clock);

    @Test
    void theModelsAreHonestAboutHowOftenTheyAreRight() {
        // Over 4,000 epochs of NQ: the LSTM's mean confidence and its hit rate must agree within 2 points.
        double confidenceSum = 0;
        int right = 0;
        int n = 4_000;
        for (int i = 0; i < n; i++) {
            clock.advance(DemoMarket.EPOCH);
            DemoMarket.ModelView view = market.lstm("NQZ26-CME");
            long epoch = Math.floorDiv(clock.instant().getEpochSecond(), DemoMarket.EPOCH.toSeconds()); // 30 s epochs
            double before = market.priceAt(market.instrument("NQZ26-CME"), Instant.ofEpochSecond(epoch * 30));
            double after = market.priceAt(market.instrument("NQZ26-CME"), Instant.ofEpochSecond(epoch * 30 + 29));
            boolean rose = after > before;
            confidenceSum += view.confidence();
            right += (view.direction() == Direction.LONG) == rose ? 1 : 0;
        }
        double meanConfidence = confidenceSum / n;
        double hitRate = (double) right / n;
        assertThat(Math.abs(meanConfidence - hitRate)).as("mean confidence %.3f vs hit rate %.3f", meanConfidence, hitRate).isLessThan(0.02);
        assertThat(hitRate).isGreaterThan(0.55);
    }

    @Test
    void equityIndexFuturesMoveTogetherAndTheOthersDoNot() {
        List<Bar> nq = bars("NQZ26-CME");
        List<Bar> es = bars("ESZ26-CME");
        List<Bar> gc = bars("GCZ26-COMEX");
        assertThat(Correlations.ofReturns(nq, es, 60).getAsDouble()).isGreaterThan(0.8);
        assertThat(Math.abs(Correlations.ofReturns(nq, gc, 60).getAsDouble())).isLessThan(0.5);
    }

    @Test
    void theDemoDeskKeepsTradingSoRecommendationsGetOutcomes() {
        List<DemoMarket.DemoTrade> before = market.trades("NQZ26-CME", clock.instant());
        clock.advance(Duration.ofMinutes(30)); // 60 epochs
        List<DemoMarket.DemoTrade> live = market.trades("NQZ26-CME", clock.instant().minus(Duration.ofMinutes(30)));
        assertThat(before).isEmpty();
        double equityBefore = DemoMarket.cmeEight(new MutableClock(Instant.parse("2026-11-23T14:30:00Z"))).equity();
        double livePnl = 0;
        for (String symbol : market.symbols()) {
            livePnl += market.trades(symbol, clock.instant().minus(Duration.ofMinutes(30))).stream().mapToDouble(DemoMarket.DemoTrade::pnlCurrency).sum();
        }
        assertThat(market.equity()).as("equity moves with the live trades").isCloseTo(equityBefore + livePnl, org.assertj.core.api.Assertions.within(0.01));
        assertThat(market.peakEquity()).isGreaterThanOrEqualTo(market.equity());
        // about half the epochs are confident enough; each trade lies inside its epoch and has a sign that matches the move
        assertThat(live).hasSizeBetween(10, 50).allSatisfy(t -> {
            assertThat(Duration.between(t.entryTime(), t.exitTime())).isLessThan(DemoMarket.EPOCH);
            double move = t.side() == Direction.LONG ? t.exitPrice() - t.entryPrice() : t.entryPrice() - t.exitPrice();
            assertThat(t.pnlCurrency()).isCloseTo(move * 20 - 4, org.assertj.core.api.Assertions.within(0.01));
        });
    }

    @Test
    void aShortLoadScenarioEpochKeepsTheDemoDeskAtOneTradeEveryThirtySecondsAtMost() {
        // 1 s epochs (the load scenario's): 60 s of market time hold 60 epochs but only 2 trading slots (one per 30 s),
        // so at most 2 live trades; each enters a sixth into its epoch (0.166 s) and exits before the epoch ends.
        DemoMarket fast = new DemoMarket(DemoInstrument.CME_EIGHT, 20261123L, clock, Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(61));
        List<DemoMarket.DemoTrade> live = fast.trades("NQZ26-CME", clock.instant().minus(Duration.ofSeconds(61)));
        assertThat(live).hasSizeLessThanOrEqualTo(2).allSatisfy(t -> {
            assertThat(t.entryTime()).isBefore(t.exitTime());
            assertThat(Duration.between(t.entryTime(), t.exitTime())).isLessThan(Duration.ofSeconds(1));
        });
        int liveTradesOverAllSymbols = 0;
        for (String symbol : fast.symbols()) {
            liveTradesOverAllSymbols += fast.trades(symbol, clock.instant().minus(Duration.ofSeconds(61))).size();
        }
        assertThat(liveTradesOverAllSymbols).as("8 symbols × 2 slots, about half of them confident").isBetween(1, 16);
    }

    @Test
    void sixtyDaysOfHistoryAndADrawdownControl() {
        assertThat(market.trades("NQZ26-CME", clock.instant().minus(Duration.ofDays(61)))).isNotEmpty()
                .allSatisfy(t -> assertThat(t.exitTime()).isBefore(clock.instant()));
        market.forceDrawdown(0.35);
        assertThat(1 - market.equity() / market.peakEquity()).isCloseTo(0.35, org.assertj.core.api.Assertions.within(1e-9));
    }

    private List<Bar> bars(String symbol) {
        return market.dailyBars(symbol, 61).stream().map(b -> new Bar(b.time(), b.open(), b.high(), b.low(), b.close(), b.volume())).toList();
    }
}
