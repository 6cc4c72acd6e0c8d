package io.kellydesk.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Walk-forward replay of closed trades from one starting equity under three sizings: the desk's Kelly sizing
 * recomputed before each trade from the earlier trades only, half of it, and a fixed number of contracts.
 *
 * <p>Before each trade: win rate and payoff ratio of the earlier trades of its symbol in the lookback window,
 * both pulled toward the prior with payoff_prior_strength (win rate toward 0.5, payoff ratio toward
 * payoff_prior); f = kelly_multiplier × f*, capped at max_kelly_fraction, none below min_kelly_fraction;
 * contracts = floor(f × equity / risk per contract), at most max_position_size. Each trade's result per contract
 * is scaled to the contracts of each leg. A leg whose equity reaches zero stops (ruin).
 */
public final class KellyReplay {

    private KellyReplay() {
    }

    /** One sizing's path. {@code equity[0]} is the start; {@code equity[i + 1]} follows trade i. */
    public record Leg(String name, double[] equity, int[] contracts, double finalEquity, double maxDrawdownFraction,
                      double meanLogGrowthPerTrade) {
    }

    public record Result(List<ClosedTrade> trades, Leg kelly, Leg halfKelly, Leg fixed) {
    }

    /**
     * @param trades              closed trades (any order; replayed by exit time)
     * @param riskPerContractAtr  per symbol, the ATR stop in currency, used while a symbol has too few losses
     */
    public static Result replay(List<ClosedTrade> trades, double startEquity, SizingSettings s,
                                Map<String, Double> riskPerContractAtr, int fixedContracts) {
        List<ClosedTrade> ordered = new ArrayList<>(trades);
        ordered.sort(Comparator.comparing(ClosedTrade::exitTime).thenComparing(ClosedTrade::tradeId,
                Comparator.nullsFirst(Comparator.naturalOrder())));
        int n = ordered.size();
        double[] kellyFraction = new double[n];
        double[] riskPerContract = new double[n];
        Duration lookback = Duration.ofDays(s.winLossLookbackDays());
        for (int i = 0; i < n; i++) {
            ClosedTrade t = ordered.get(i);
            List<ClosedTrade> earlier = ordered.subList(0, i);
            PayoffStatistics stats = PayoffStatistics.of(earlier, t.symbol(), t.entryTime(), lookback);
            kellyFraction[i] = fractionBefore(stats, s);
            riskPerContract[i] = stats.losses() >= s.minLossesForRisk() && stats.meanLossPerContract() > 0
                    ? stats.meanLossPerContract() : riskPerContractAtr.getOrDefault(t.symbol(), Double.NaN);
        }
        Leg kelly = leg(kellyWords(s.kellyMultiplier()) + " (desk)", ordered, startEquity, i -> kellyFraction[i], riskPerContract, s, -1);
        Leg half = leg(kellyWords(s.kellyMultiplier() / 2), ordered, startEquity, i -> kellyFraction[i] / 2, riskPerContract, s, -1);
        Leg fixed = leg("fixed " + fixedContracts, ordered, startEquity, i -> 0,
                riskPerContract, s, fixedContracts);
        return new Result(List.copyOf(ordered), kelly, half, fixed);
    }

    /** The fraction the desk would have used before a trade, knowing only the earlier ones. 0 = no trade. */
    static double fractionBefore(PayoffStatistics stats, SizingSettings s) {
        int n = stats.decisiveTrades();
        double k = s.payoffPriorStrength();
        if (n + k <= 0) {
            return 0;
        }
        double p = (stats.wins() + k * 0.5) / (n + k);
        double b = stats.shrunkPayoffRatio(s.payoffPrior(), k);
        double fStar = KellyMath.fullKellyFraction(p, b);
        if (fStar <= 0) {
            return 0;
        }
        double f = Math.min(s.kellyMultiplier() * fStar, s.maxKellyFraction());
        return f < s.minKellyFraction() ? 0 : f;
    }

    private interface Fraction {
        double at(int i);
    }

    private static Leg leg(String name, List<ClosedTrade> trades, double start, Fraction fraction, double[] riskPerContract,
                           SizingSettings s, int fixedContracts) {
        int n = trades.size();
        double[] equity = new double[n + 1];
        int[] contracts = new int[n];
        equity[0] = start;
        double logSum = 0;
        int logCount = 0;
        double peak = start;
        double maxDrawdown = 0;
        for (int i = 0; i < n; i++) {
            double before = equity[i];
            if (before <= 0) {
                equity[i + 1] = 0;
                continue;
            }
            int c;
            if (fixedContracts >= 0) {
                c = fixedContracts;
            } else {
                double f = fraction.at(i);
                double risk = riskPerContract[i];
                c = f <= 0 || !(risk > 0) ? 0 : Math.min(s.maxPositionSizeContracts(), KellySizer.floor(f * before / risk));
            }
            contracts[i] = c;
            double after = Math.max(0, before + c * trades.get(i).pnlPerContractCurrency());
            equity[i + 1] = after;
            if (after > 0) {
                logSum += Math.log(after / before);
                logCount++;
            }
            peak = Math.max(peak, after);
            maxDrawdown = Math.max(maxDrawdown, 1 - after / peak);
        }
        return new Leg(name, equity, contracts, equity[n], maxDrawdown, logCount == 0 ? 0 : logSum / logCount);
    }

    /** Closed trades whose exit lies in the window ending at {@code now}. */
    public static List<ClosedTrade> inWindow(List<ClosedTrade> trades, Instant now, Duration window) {
        Instant since = now.minus(window);
        return trades.stream().filter(t -> !t.exitTime().isBefore(since) && !t.exitTime().isAfter(now)).toList();
    }

    /**
     * A Kelly multiple in words: 0.5 → "½ Kelly", 0.25 → "¼ Kelly", 1 → "full Kelly", 0.3 → "0.3 × Kelly". The desk's
     * sizing is already a fraction of Kelly (kelly_multiplier), so "half of it" would be ambiguous.
     */
    public static String kellyWords(double multiple) {
        if (multiple == 1) {
            return "full Kelly";
        }
        String[][] fractions = {{"0.5", "½"}, {"0.25", "¼"}, {"0.75", "¾"}, {"0.125", "⅛"}, {"0.375", "⅜"}};
        for (String[] f : fractions) {
            if (Math.abs(multiple - Double.parseDouble(f[0])) < 1e-9) {
                return f[1] + " Kelly";
            }
        }
        return java.math.BigDecimal.valueOf(multiple).stripTrailingZeros().toPlainString() + " × Kelly";
    }
}
