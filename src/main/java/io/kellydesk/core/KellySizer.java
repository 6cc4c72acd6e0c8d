package io.kellydesk.core;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The sizing method, spec steps 1–12, for one symbol: a pure function of its inputs and settings.
 * Each step either passes its values on or stops with a reason code; every value reached is kept.
 */
public final class KellySizer {

    /** Slack for floor(): 2.9999999999 from binary rounding still makes 3 contracts. */
    private static final double FLOOR_SLACK = 1e-9;

    private KellySizer() {
    }

    /** Sizes {@code inputs}, hashing them for the record. */
    public static Recommendation recommend(SizingInputs inputs, SizingContext context) {
        return recommend(inputs, inputs.contentHash(), context);
    }

    /**
     * @param inputsHash {@link SizingInputs#contentHash()} of {@code inputs}, which the caller already has
     *                   (it decides whether to size at all)
     */
    public static Recommendation recommend(SizingInputs inputs, String inputsHash, SizingContext context) {
        SizingSettings settings = context.settings();
        SettingsValidator.Report settingsReport = context.settingsReport();
        IsotonicCalibrator calibrator = context.calibrator();
        Trail t = new Trail(inputs, inputsHash, context.settingsVersion());

        // 1–2. Direction and (calibrated) win probability.
        ProbabilityEstimator.Result estimated = ProbabilityEstimator.estimate(inputs, settings, calibrator);
        if (estimated.estimate().isEmpty()) {
            return t.noTrade(estimated.reason(), estimated.detail());
        }
        ProbabilityEstimate estimate = estimated.estimate().get();
        t.estimate = estimate;
        t.direction = estimate.direction();
        if (estimate.direction() == Direction.NEUTRAL) {
            return t.noTrade(ReasonCode.NO_DIRECTION, "p_long is exactly 0.5");
        }

        // 3. Confidence gate.
        double p = estimate.winProbability();
        if (p < settings.confidenceThreshold()) {
            return t.noTrade(ReasonCode.BELOW_CONFIDENCE, "p " + pct(p) + " < threshold " + pct(settings.confidenceThreshold()));
        }

        // 4. Payoff ratio, shrunk toward the prior.
        PayoffStatistics payoff = inputs.payoff();
        t.bHist = payoff.historicalPayoffRatio();
        t.n = payoff.decisiveTrades();
        double b = payoff.shrunkPayoffRatio(settings.payoffPrior(), settings.payoffPriorStrength());
        t.b = OptionalDouble.of(b);

        // 5. Kelly fraction.
        double fKelly = KellyMath.fullKellyFraction(p, b);
        t.fKelly = OptionalDouble.of(fKelly);
        t.edge = OptionalDouble.of(KellyMath.expectedEdge(p, b));
        if (fKelly <= 0) {
            return t.noTrade(ReasonCode.NO_EDGE, "f* = " + fmt4(fKelly));
        }

        // 6. Fractional Kelly, capped.
        double f = settings.kellyMultiplier() * fKelly;
        t.fMultiplied = OptionalDouble.of(f);
        if (f > settings.maxKellyFraction()) {
            f = settings.maxKellyFraction();
            t.cappedAtMax = true;
        }
        t.fUsed = OptionalDouble.of(f);
        if (f < settings.minKellyFraction()) {
            return t.noTrade(ReasonCode.BELOW_MIN_FRACTION, "f " + fmt4(f) + " < min " + fmt4(settings.minKellyFraction()));
        }

        // 7. Drawdown emergency.
        if (inputs.account().isEmpty()) {
            return t.noTrade(ReasonCode.NO_ACCOUNT, "no account data: equity unknown");
        }
        Account account = inputs.account().get();
        double drawdown = account.drawdownFraction();
        t.drawdown = OptionalDouble.of(drawdown);
        if (drawdown >= settings.emergencyReductionTrigger()) {
            f *= settings.emergencyReductionFactor();
            t.emergency = true;
            t.fUsed = OptionalDouble.of(f);
        }
        t.growth = OptionalDouble.of(KellyMath.growthRate(p, b, f));

        // 8. Contracts.
        if (inputs.quote().isEmpty()) {
            return t.noTrade(ReasonCode.NO_QUOTE, "no quote: no point value or ATR");
        }
        RiskPerContract risk = RiskPerContract.estimate(payoff, inputs.quote().get(), settings);
        t.risk = Optional.of(risk);
        if (!(risk.currency() > 0) || !Double.isFinite(risk.currency())) {
            return t.noTrade(ReasonCode.NO_QUOTE, "risk per contract is not positive (ATR " + inputs.quote().get().atrPoints() + ")");
        }
        double equity = account.equityCurrency();
        int contracts = floor(f * equity / risk.currency());
        if (contracts > settings.maxPositionSizeContracts()) {
            contracts = settings.maxPositionSizeContracts();
            t.cappedAtMaxPosition = true;
        }
        t.sized = OptionalInt.of(contracts);
        if (contracts == 0) {
            return t.noTrade(ReasonCode.BELOW_ONE_CONTRACT, "f × equity " + money(f * equity) + " < one contract's risk " + money(risk.currency()));
        }

        // 9. Portfolio risk.
        double openRisk = inputs.openExposures().stream().mapToDouble(OpenExposure::riskCurrency).sum();
        t.openRisk = OptionalDouble.of(openRisk);
        double portfolioCap = settings.maxPortfolioRisk() * equity;
        if (openRisk + contracts * risk.currency() > portfolioCap) {
            contracts = Math.max(0, floor((portfolioCap - openRisk) / risk.currency()));
        }
        t.afterPortfolio = OptionalInt.of(contracts);
        if (contracts == 0) {
            return t.noTrade(ReasonCode.PORTFOLIO_LIMIT, "open risk " + money(openRisk) + " of cap " + money(portfolioCap));
        }

        // 10. Correlated exposure.
        double correlatedOthers = RiskValidator.correlatedRisk(inputs, settings, estimate.direction());
        double correlationCap = settings.maxCorrelationExposure() * equity;
        if (contracts * risk.currency() + correlatedOthers > correlationCap) {
            contracts = Math.max(0, floor((correlationCap - correlatedOthers) / risk.currency()));
        }
        t.afterCorrelation = OptionalInt.of(contracts);
        t.correlated = OptionalDouble.of(contracts * risk.currency() + correlatedOthers);
        if (contracts == 0) {
            return t.noTrade(ReasonCode.CORRELATION_LIMIT, "correlated risk " + money(correlatedOthers) + " of cap " + money(correlationCap));
        }

        // 11. Risk validation: halve once and re-check.
        Optional<RiskValidator.Rejection> rejection = RiskValidator.check(inputs, settings, settingsReport, estimate.direction(), contracts, risk);
        if (rejection.isPresent()) {
            contracts = contracts / 2;
            t.halved = true;
            if (contracts == 0) {
                return t.noTrade(rejection.get().reason(), rejection.get().detail());
            }
            Optional<RiskValidator.Rejection> again = RiskValidator.check(inputs, settings, settingsReport, estimate.direction(), contracts, risk);
            if (again.isPresent()) {
                return t.noTrade(again.get().reason(), again.get().detail());
            }
        }
        return t.trade(contracts, contracts * risk.currency());
    }

    static int floor(double contracts) {
        // (int) of a huge double saturates at Integer.MAX_VALUE; the position cap brings it down.
        return (int) Math.floor(contracts + FLOOR_SLACK);
    }

    private static String pct(double p) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", p * 100);
    }

    private static String fmt4(double v) {
        return String.format(java.util.Locale.ROOT, "%.4f", v);
    }

    private static String money(double v) {
        return String.format(java.util.Locale.ROOT, "%,.0f", v);
    }

    /** The values reached so far; turned into a Recommendation when the method stops. */
    private static final class Trail {
        final SizingInputs inputs;
        final String inputsHash;
        final String settingsVersion;
        Direction direction = Direction.NEUTRAL;
        ProbabilityEstimate estimate;
        OptionalDouble bHist = OptionalDouble.empty();
        int n;
        OptionalDouble b = OptionalDouble.empty();
        OptionalDouble fKelly = OptionalDouble.empty();
        OptionalDouble fMultiplied = OptionalDouble.empty();
        boolean cappedAtMax;
        OptionalDouble drawdown = OptionalDouble.empty();
        boolean emergency;
        OptionalDouble fUsed = OptionalDouble.empty();
        Optional<RiskPerContract> risk = Optional.empty();
        OptionalInt sized = OptionalInt.empty();
        boolean cappedAtMaxPosition;
        OptionalDouble openRisk = OptionalDouble.empty();
        OptionalInt afterPortfolio = OptionalInt.empty();
        OptionalDouble correlated = OptionalDouble.empty();
        OptionalInt afterCorrelation = OptionalInt.empty();
        boolean halved;
        OptionalDouble edge = OptionalDouble.empty();
        OptionalDouble growth = OptionalDouble.empty();

        Trail(SizingInputs inputs, String inputsHash, String settingsVersion) {
            this.inputs = inputs;
            this.inputsHash = inputsHash;
            this.settingsVersion = settingsVersion;
        }

        Recommendation noTrade(ReasonCode reason, String detail) {
            return build(Recommendation.Status.NO_TRADE, reason, detail, 0, 0.0);
        }

        Recommendation trade(int contracts, double capitalAtRisk) {
            return build(Recommendation.Status.TRADE, ReasonCode.NONE, "", contracts, capitalAtRisk);
        }

        private Recommendation build(Recommendation.Status status, ReasonCode reason, String detail, int contracts, double capitalAtRisk) {
            return new Recommendation(inputs.symbol(), inputs.now(), inputs, inputsHash, settingsVersion,
                    status, reason, detail, direction, Optional.ofNullable(estimate), bHist, n, b, fKelly, fMultiplied,
                    cappedAtMax, drawdown, emergency, fUsed, risk, sized, cappedAtMaxPosition, openRisk, afterPortfolio,
                    correlated, afterCorrelation, halved, contracts, capitalAtRisk, edge, growth);
        }
    }
}
