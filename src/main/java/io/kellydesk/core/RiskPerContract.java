package io.kellydesk.core;

/**
 * Spec step 8: what one contract puts at risk, in currency.
 *
 * @param source where the figure comes from: the mean historical loss or an ATR stop
 */
public record RiskPerContract(double currency, Source source) {

    public enum Source { MEAN_LOSS, ATR_STOP }

    /** Mean per-contract loss when the window holds enough losses, else stop_atr_multiple × ATR × point value. */
    public static RiskPerContract estimate(PayoffStatistics stats, Quote quote, SizingSettings settings) {
        if (stats.losses() >= settings.minLossesForRisk() && stats.losses() > 0 && stats.meanLossPerContract() > 0) {
            return new RiskPerContract(stats.meanLossPerContract(), Source.MEAN_LOSS);
        }
        return new RiskPerContract(settings.stopAtrMultiple() * quote.atrPoints() * quote.pointValueCurrency(), Source.ATR_STOP);
    }
}
