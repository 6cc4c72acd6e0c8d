package io.kellydesk.core;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One order as the trader is about to hand it off: the step-12 order of a recommendation (the one that moves the
 * held and working exposure toward the target), with the Kelly metadata it came from. The quantity may be lowered
 * from the recommended order, never raised: the constructor refuses more than {@code recommendedContracts}.
 *
 * @param quantityContracts       contracts to send, 1 … recommendedContracts
 * @param recommendedContracts    |order| of the recommendation, already inside every limit
 * @param limitPrice              price of a limit order, in the quote's points; empty for a market order
 * @param heldContracts           signed position in the symbol when the recommendation was made (+ long)
 * @param workingContracts        signed unfilled working orders (+ buy)
 * @param targetContracts         signed target position (+ long), 0 for a reduction on a NO_TRADE
 * @param kellyFraction           fraction of equity the method used (after multiplier, caps, emergency cut); 0 when the
 *                                method stopped before it (a reduction)
 * @param fractionAtRiskOfEquity  capital at risk of the target / equity: what the target actually risks
 * @param winProbability          p the size was computed with (0 when none)
 * @param mlConfidence            the weighted models' confidence before calibration
 * @param riskAdjusted            true when a cap, the emergency cut or a portfolio/correlation limit reduced the size
 * @param riskPerContractCurrency what one contract of this symbol puts at risk, in {@code currency}
 * @param ruinProbability30       P(ever −30 %) at the fraction at risk; empty when not computable
 */
public record OrderTicket(String symbol, OrderSide side, int quantityContracts, int recommendedContracts, OrderType type,
                          OptionalDouble limitPrice, TimeInForce timeInForce, OrderAction action, int heldContracts,
                          int workingContracts, int targetContracts, double kellyFraction, double fractionAtRiskOfEquity,
                          double winProbability, double mlConfidence, boolean riskAdjusted, double riskPerContractCurrency,
                          String currency, OptionalDouble ruinProbability30, String inputsHash, Instant decidedAt) {

    public OrderTicket {
        Objects.requireNonNull(symbol);
        Objects.requireNonNull(side);
        Objects.requireNonNull(type);
        Objects.requireNonNull(timeInForce);
        Objects.requireNonNull(action);
        if (action == OrderAction.NONE) {
            throw new IllegalArgumentException("a ticket carries an order");
        }
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
     * The ticket a recommendation with an order opens with: the step-12 order's side and size, a market day order,
     * the Kelly metadata. P(ever −30 %) is given for the fraction the target actually risks.
     */
    public static OrderTicket from(Recommendation r, String currency, double mlConfidence, OptionalDouble ruinProbability30) {
        if (!r.hasOrder()) {
            throw new IllegalArgumentException(r.symbol() + " has no order to hand off (" + r.reason() + ", " + r.actionReason() + ")");
        }
        boolean adjusted = r.cappedAtMaxFraction() || r.emergency() || r.cappedAtMaxPosition() || r.halvedByValidation()
                || r.contractsAfterPortfolio().orElse(r.contracts()) < r.contractsSized().orElse(r.contracts())
                || r.contractsAfterCorrelation().orElse(r.contracts()) < r.contractsAfterPortfolio().orElse(r.contracts())
                || r.action() == OrderAction.REDUCE;
        int order = r.orderContracts();
        return new OrderTicket(r.symbol(), order > 0 ? OrderSide.BUY : OrderSide.SELL, Math.abs(order), Math.abs(order),
                OrderType.MARKET, OptionalDouble.empty(), TimeInForce.DAY, r.action(), r.heldContracts(), r.workingContracts(),
                r.targetContracts(), r.fractionUsed().orElse(0), r.fractionAtRisk().orElse(0), r.winProbability().orElse(0),
                mlConfidence, adjusted, r.riskPerContract().map(risk -> risk.currency()).orElse(0.0), currency, ruinProbability30,
                r.inputsHash(), r.decidedAt());
    }

    /** The order in signed contracts (+ buy). */
    public int signedQuantity() {
        return side == OrderSide.BUY ? quantityContracts : -quantityContracts;
    }

    /** x = held + working before the order. */
    public int exposureBefore() {
        return heldContracts + workingContracts;
    }

    /** The position this order leads to once it fills: held + working + order. */
    public int exposureAfter() {
        return exposureBefore() + signedQuantity();
    }

    /** Capital at risk in the order's own contracts, in {@code currency}. */
    public double capitalAtRiskCurrency() {
        return quantityContracts * riskPerContractCurrency;
    }

    /** Capital at risk of the position after the order, in {@code currency}. */
    public double capitalAtRiskAfterCurrency() {
        return Math.abs(exposureAfter()) * riskPerContractCurrency;
    }

    /** A reversal's closing leg (|x|), or all of a partial close; 0 for other actions. */
    public int closingLegContracts() {
        return action == OrderAction.REVERSE ? Math.min(quantityContracts, Math.abs(exposureBefore())) : 0;
    }

    /** A reversal's opening leg, what is left of the quantity after the close. */
    public int openingLegContracts() {
        return action == OrderAction.REVERSE ? quantityContracts - closingLegContracts() : 0;
    }

    public OrderTicket withQuantity(int contracts) {
        return new OrderTicket(symbol, side, contracts, recommendedContracts, type, limitPrice, timeInForce, action, heldContracts,
                workingContracts, targetContracts, kellyFraction, fractionAtRiskOfEquity, winProbability, mlConfidence, riskAdjusted,
                riskPerContractCurrency, currency, ruinProbability30, inputsHash, decidedAt);
    }

    public OrderTicket withType(OrderType newType, OptionalDouble newLimitPrice) {
        return new OrderTicket(symbol, side, quantityContracts, recommendedContracts, newType, newLimitPrice, timeInForce, action,
                heldContracts, workingContracts, targetContracts, kellyFraction, fractionAtRiskOfEquity, winProbability, mlConfidence,
                riskAdjusted, riskPerContractCurrency, currency, ruinProbability30, inputsHash, decidedAt);
    }

    public OrderTicket withTimeInForce(TimeInForce tif) {
        return new OrderTicket(symbol, side, quantityContracts, recommendedContracts, type, limitPrice, tif, action, heldContracts,
                workingContracts, targetContracts, kellyFraction, fractionAtRiskOfEquity, winProbability, mlConfidence, riskAdjusted,
                riskPerContractCurrency, currency, ruinProbability30, inputsHash, decidedAt);
    }
}
