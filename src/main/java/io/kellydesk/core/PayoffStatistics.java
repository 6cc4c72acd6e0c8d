package io.kellydesk.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.OptionalDouble;

/**
 * Spec step 4, pre-aggregated from a symbol's closed trades in the lookback window: per-contract wins and
 * losses, the historical payoff ratio and its shrinkage toward the prior.
 *
 * @param wins                    trades with a per-contract result above 0
 * @param losses                  trades with a per-contract result below 0 (zero results are neither)
 * @param meanWinPerContract      mean per-contract win in currency (0 when there are no wins)
 * @param meanLossPerContract     mean per-contract loss in currency, as a positive number (0 when none)
 */
public record PayoffStatistics(int wins, int losses, double meanWinPerContract, double meanLossPerContract) {

    public static final PayoffStatistics NONE = new PayoffStatistics(0, 0, 0, 0);

    /** Aggregates the trades of {@code symbol} that closed within {@code lookback} before {@code now}. */
    public static PayoffStatistics of(Collection<ClosedTrade> trades, String symbol, Instant now, Duration lookback) {
        Instant since = now.minus(lookback);
        int wins = 0;
        int losses = 0;
        double winSum = 0;
        double lossSum = 0;
        for (ClosedTrade trade : trades) {
            if (!trade.symbol().equals(symbol) || trade.exitTime().isBefore(since) || trade.exitTime().isAfter(now)) {
                continue;
            }
            double x = trade.pnlPerContractCurrency();
            if (x > 0) {
                wins++;
                winSum += x;
            } else if (x < 0) {
                losses++;
                lossSum += -x;
            }
        }
        return new PayoffStatistics(wins, losses, wins == 0 ? 0 : winSum / wins, losses == 0 ? 0 : lossSum / losses);
    }

    /** n = wins + losses. */
    public int decisiveTrades() {
        return wins + losses;
    }

    /** b_hist = mean(wins) / mean(|losses|); absent without both wins and losses. */
    public OptionalDouble historicalPayoffRatio() {
        if (wins == 0 || losses == 0 || meanLossPerContract <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(meanWinPerContract / meanLossPerContract);
    }

    /** b = (n·b_hist + k·b0) / (n + k); b0 when there are no wins or no losses. */
    public double shrunkPayoffRatio(double prior, double priorStrength) {
        OptionalDouble bHist = historicalPayoffRatio();
        if (bHist.isEmpty()) {
            return prior;
        }
        int n = decisiveTrades();
        return (n * bHist.getAsDouble() + priorStrength * prior) / (n + priorStrength);
    }

    /** The record's own text, written out: it is hashed with every sizing input (see {@code SizingSettings#toString}). */
    @Override
    public String toString() {
        return new StringBuilder(112).append("PayoffStatistics[wins=").append(wins).append(", losses=").append(losses)
                .append(", meanWinPerContract=").append(meanWinPerContract)
                .append(", meanLossPerContract=").append(meanLossPerContract).append(']').toString();
    }
}
