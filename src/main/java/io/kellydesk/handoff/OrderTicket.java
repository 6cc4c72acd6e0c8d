package io.kellydesk.handoff;

import io.kellydesk.core.Direction;
import io.kellydesk.core.Recommendation;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One order as the trader is about to hand it off, with the Kelly metadata it came from. The quantity may be
 * lowered from the recommendation, never raised: the constructor refuses more than {@code recommendedContracts}.
 *
 * @param quantityContracts      contracts to send, 1 … recommendedContracts
 * @param recommendedContracts   the recommendation's size, already inside every limit
 * @param limitPrice             price of a limit order, in the quote's points; empty for a market order
 * @param kellyFraction          fraction of equity at risk the desk used (after multiplier, caps, cuts)
 * @param winProbability         p the size was computed with
 * @param mlConfidence           the weighted models' confidence before calibration
 * @param riskAdjusted           true when a cap, the emergency cut or a portfolio/correlation limit reduced the size
 * @param capitalAtRiskCurrency  quantity × risk per contract, in {@code currency}
 * @param ruinProbability30      P(ever −30 %) at the fraction used; empty when not computable
 */
public record OrderTicket(String symbol, OrderSide side, int quantityContracts, int recommendedContracts, OrderType type,
                          OptionalDouble limitPrice, TimeInForce timeInForce, double kellyFraction, double winProbability,
                          double mlConfidence, boolean riskAdjusted, double capitalAtRiskCurrency, String currency,
                          OptionalDouble ruinProbability30, String inputsHash, Instant decidedAt) {

    public OrderTicket {
        Objects.requireNonNull(symbol);
        Objects.requireNonNull(side);
        Objects.requireNonNull(type);
        Objects.requireNonNull(timeInForce);
        if (quantityContracts < 1) {
            throw new IllegalArgumentException("an order needs at least 1 contract");
        }
        if (quantityContracts > recommendedContracts) {
            throw new IllegalArgumentException("quantity " + quantityContracts + " is above the recommended "
                    + recommendedContracts + " contracts; it may only be lowered");
        }
        if (type == OrderType.LIMIT && (limitPrice.isEmpty() || !(limitPrice.getAsDouble() > 0))) {
            throw new IllegalArgumentException("a limit order needs a positive limit price");
        }
        if (type == OrderType.MARKET) {
            limitPrice = OptionalDouble.empty();
        }
    }

    /**
     * The ticket a TRADE recommendation opens with: its side and size, a market day order, the Kelly metadata.
     */
    public static OrderTicket from(Recommendation r, String currency, double mlConfidence, OptionalDouble ruinProbability30) {
        if (!r.isTrade() || r.direction() == Direction.NEUTRAL) {
            throw new IllegalArgumentException(r.symbol() + " has no trade to hand off (" + r.reason() + ")");
        }
        boolean adjusted = r.cappedAtMaxFraction() || r.emergency() || r.cappedAtMaxPosition() || r.halvedByValidation()
                || r.contractsAfterPortfolio().orElse(r.contracts()) < r.contractsSized().orElse(r.contracts())
                || r.contractsAfterCorrelation().orElse(r.contracts()) < r.contractsAfterPortfolio().orElse(r.contracts());
        return new OrderTicket(r.symbol(), r.direction() == Direction.LONG ? OrderSide.BUY : OrderSide.SELL, r.contracts(),
                r.contracts(), OrderType.MARKET, OptionalDouble.empty(), TimeInForce.DAY, r.fractionUsed().orElse(0),
                r.winProbability().orElse(0), mlConfidence, adjusted, r.capitalAtRiskCurrency(), currency, ruinProbability30,
                r.inputsHash(), r.decidedAt());
    }

    public OrderTicket withQuantity(int contracts) {
        double perContract = capitalAtRiskCurrency / quantityContracts;
        return new OrderTicket(symbol, side, contracts, recommendedContracts, type, limitPrice, timeInForce, kellyFraction,
                winProbability, mlConfidence, riskAdjusted, perContract * contracts, currency, ruinProbability30, inputsHash, decidedAt);
    }

    public OrderTicket withType(OrderType newType, OptionalDouble newLimitPrice) {
        return new OrderTicket(symbol, side, quantityContracts, recommendedContracts, newType, newLimitPrice, timeInForce,
                kellyFraction, winProbability, mlConfidence, riskAdjusted, capitalAtRiskCurrency, currency, ruinProbability30,
                inputsHash, decidedAt);
    }

    public OrderTicket withTimeInForce(TimeInForce tif) {
        return new OrderTicket(symbol, side, quantityContracts, recommendedContracts, type, limitPrice, tif, kellyFraction,
                winProbability, mlConfidence, riskAdjusted, capitalAtRiskCurrency, currency, ruinProbability30, inputsHash, decidedAt);
    }
}
