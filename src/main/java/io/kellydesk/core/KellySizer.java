package io.kellydesk.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The sizing method, spec steps 0–12, for one symbol: a pure function of its inputs and settings.
 * Each step either passes its values on or stops with a reason code; every value reached is kept. Step 12 (the
 * order that moves the held and working exposure to the target) is worked out whatever status steps 0–11 gave,
 * so a position above its cap is offered a reduction even when nothing else can be sized.
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
        Trail t = new Trail(inputs, inputsHash, context.settingsVersion(), settings);

        // 0–2. Direction and (calibrated) win probability, from fresh predictions only.
        ProbabilityEstimator.Result estimated = ProbabilityEstimator.estimate(inputs, settings, context.calibrator());
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
            return t.noTrade(ReasonCode.BELOW_CONFIDENCE, belowThreshold(p, settings.confidenceThreshold()));
        }

        // 4. Payoff ratio, shrunk toward the prior; only from a history that arrived and is fresh.
        Optional<Recommendation> noHistory = t.unless(InputKind.TRADE_HISTORY, ReasonCode.NO_TRADE_HISTORY);
        if (noHistory.isPresent()) {
            return noHistory.get();
        }
        PayoffStatistics payoff = inputs.payoff().orElseThrow();
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

        // 7. Drawdown emergency: the fraction and the position cap are both cut. Needs the account and positions.
        Optional<Recommendation> noAccount = t.unless(InputKind.ACCOUNT, ReasonCode.NO_ACCOUNT)
                .or(() -> t.unless(InputKind.POSITIONS, ReasonCode.NO_POSITIONS));
        if (noAccount.isPresent()) {
            return noAccount.get();
        }
        Account account = inputs.account().orElseThrow();
        double drawdown = account.drawdownFraction();
        t.drawdown = OptionalDouble.of(drawdown);
        if (drawdown >= settings.emergencyReductionTrigger()) {
            f *= settings.emergencyReductionFactor();
            t.emergency = true;
            t.fUsed = OptionalDouble.of(f);
        }
        int cap = settings.positionCapContracts(t.emergency);
        t.growth = OptionalDouble.of(KellyMath.growthRate(p, b, f));

        // 8. Target contracts.
        Optional<Recommendation> noQuote = t.unless(InputKind.QUOTE, ReasonCode.NO_QUOTE);
        if (noQuote.isPresent()) {
            return noQuote.get();
        }
        RiskPerContract risk = RiskPerContract.estimate(payoff, inputs.quote().get(), settings);
        t.risk = Optional.of(risk);
        if (!(risk.currency() > 0) || !Double.isFinite(risk.currency())) {
            return t.noTrade(ReasonCode.NO_QUOTE, "risk per contract is not positive (ATR " + inputs.quote().get().atrPoints() + ")");
        }
        double equity = account.equityCurrency();
        int contracts = floor(f * equity / risk.currency());
        if (contracts > cap) {
            contracts = cap;
            t.cappedAtMaxPosition = true;
        }
        t.sized = OptionalInt.of(contracts);
        if (contracts == 0) {
            return t.noTrade(ReasonCode.BELOW_ONE_CONTRACT, cap == 0 ? "position cap is 0 contracts"
                    : "f × equity " + money(f * equity) + " < one contract's risk " + money(risk.currency()));
        }

        // 9. Portfolio risk: the other symbols' held and working exposure; this symbol's own is replaced by the target.
        RiskValidator.OpenRisk open = RiskValidator.openRisk(inputs);
        List<String> unpriced = open.unpriced();
        double openRisk = open.riskCurrency();
        if (!unpriced.isEmpty()) {
            return t.noTrade(ReasonCode.UNPRICED_EXPOSURE, "no risk per contract known for the exposure in "
                    + String.join(", ", unpriced) + " (no fresh quote, too few losses)");
        }
        t.openRisk = OptionalDouble.of(openRisk);
        double portfolioCap = settings.maxPortfolioRisk() * equity;
        if (openRisk + contracts * risk.currency() > portfolioCap) {
            contracts = Math.max(0, floor((portfolioCap - openRisk) / risk.currency()));
        }
        t.afterPortfolio = OptionalInt.of(contracts);
        if (contracts == 0) {
            return t.noTrade(ReasonCode.PORTFOLIO_LIMIT, "open risk " + money(openRisk) + " of cap " + money(portfolioCap));
        }

        // 10. Correlated exposure; an unknown ρ counts as 1 on the same side.
        RiskValidator.Correlated correlated = RiskValidator.correlatedRisk(inputs, settings, estimate.direction());
        t.unknownCorrelations = correlated.unknown();
        double correlationCap = settings.maxCorrelationExposure() * equity;
        if (contracts * risk.currency() + correlated.riskCurrency() > correlationCap) {
            contracts = Math.max(0, floor((correlationCap - correlated.riskCurrency()) / risk.currency()));
        }
        t.afterCorrelation = OptionalInt.of(contracts);
        t.correlated = OptionalDouble.of(contracts * risk.currency() + correlated.riskCurrency());
        if (contracts == 0) {
            return t.noTrade(ReasonCode.CORRELATION_LIMIT, "correlated risk " + money(correlated.riskCurrency()) + " of cap "
                    + money(correlationCap) + (correlated.unknown().isEmpty() ? "" : "; ρ unknown (counted as 1): "
                    + String.join(", ", correlated.unknown())));
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
        return t.trade(contracts, contracts * risk.currency(), equity);
    }

    static int floor(double contracts) {
        // (int) of a huge double saturates at Integer.MAX_VALUE; the position cap brings it down.
        return (int) Math.floor(contracts + FLOOR_SLACK);
    }

    /**
     * Spec step 12: the order that takes the held and working exposure x to the target, within the position cap.
     *
     * @param target signed target (+n long TRADE, −n short, 0 for a NO_TRADE)
     * @param cap    the position cap of step 7
     */
    public record Order(int contracts, OrderAction action, ActionReason reason) {
        static final Order NONE = new Order(0, OrderAction.NONE, ActionReason.NONE);
    }

    public static Order order(boolean trade, int target, int exposure, int cap, boolean emergencyCap) {
        int x = exposure;
        if (trade && (x == 0 || Integer.signum(x) == Integer.signum(target))) {
            if (Math.abs(x) < Math.abs(target)) {
                return new Order(target - x, OrderAction.ADD, ActionReason.NONE);
            }
            if (Math.abs(x) > cap) {
                return reduce(x, cap, emergencyCap);
            }
            return new Order(0, OrderAction.NONE, ActionReason.AT_TARGET);
        }
        if (trade) {
            return new Order(target - x, OrderAction.REVERSE, ActionReason.NONE);
        }
        return Math.abs(x) > cap ? reduce(x, cap, emergencyCap) : Order.NONE;
    }

    private static Order reduce(int x, int cap, boolean emergencyCap) {
        return new Order(Integer.signum(x) * cap - x, OrderAction.REDUCE, emergencyCap ? ActionReason.EMERGENCY : ActionReason.LIMIT_BREACH);
    }

    /**
     * "p 59.96% < threshold 60.00%": with as many decimals as it takes for p and the threshold to differ in print
     * (two, up to six), so a reason never reads "p 60.0 % < threshold 60.0 %".
     */
    static String belowThreshold(double p, double threshold) {
        int decimals = 2;
        while (decimals < 6 && percent(p, decimals).equals(percent(threshold, decimals))) {
            decimals++;
        }
        return "p " + percent(p, decimals) + " < threshold " + percent(threshold, decimals);
    }

    private static String percent(double fraction, int decimals) {
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f%%", fraction * 100);
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
        final SizingSettings settings;
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
        List<String> unknownCorrelations = List.of();

        Trail(SizingInputs inputs, String inputsHash, String settingsVersion, SizingSettings settings) {
            this.inputs = inputs;
            this.inputsHash = inputsHash;
            this.settingsVersion = settingsVersion;
            this.settings = settings;
        }

        /** Spec step 0 for one input: a NO_TRADE when it never arrived ({@code never}) or is too old (STALE_INPUT). */
        Optional<Recommendation> unless(InputKind kind, ReasonCode never) {
            return switch (inputs.state(kind, settings)) {
                case FRESH -> Optional.empty();
                case NEVER -> Optional.of(noTrade(never, "no " + kind.words() + " received yet"));
                case STALE -> Optional.of(noTrade(ReasonCode.STALE_INPUT, ProbabilityEstimator.ageWords(inputs, kind)
                        + " (limit " + ProbabilityEstimator.fmt(kind.maxAgeSeconds(settings)) + " s)"));
            };
        }

        private boolean emergencyCapKnown() {
            return inputs.isFresh(InputKind.ACCOUNT, settings) && inputs.account().isPresent();
        }

        Recommendation noTrade(ReasonCode reason, String detail) {
            return build(Recommendation.Status.NO_TRADE, reason, detail, 0, 0.0, OptionalDouble.empty());
        }

        Recommendation trade(int contracts, double capitalAtRisk, double equity) {
            return build(Recommendation.Status.TRADE, ReasonCode.NONE, "", contracts, capitalAtRisk,
                    OptionalDouble.of(capitalAtRisk / equity));
        }

        private Recommendation build(Recommendation.Status status, ReasonCode reason, String detail, int contracts,
                                     double capitalAtRisk, OptionalDouble fractionAtRisk) {
            boolean trade = status == Recommendation.Status.TRADE;
            // The cap of step 7; max_position_size when the account (and so the drawdown) is not known fresh.
            boolean emergencyCap = emergencyCapKnown() && inputs.account().get().drawdownFraction() >= settings.emergencyReductionTrigger();
            int cap = settings.positionCapContracts(emergencyCap);
            OptionalDouble drawdownKnown = drawdown.isPresent() || !emergencyCapKnown()
                    ? drawdown : OptionalDouble.of(inputs.account().get().drawdownFraction());
            int target = trade ? (direction == Direction.LONG ? contracts : -contracts) : 0;
            boolean positionsKnown = inputs.isFresh(InputKind.POSITIONS, settings);
            int held = positionsKnown ? inputs.heldContracts() : 0;
            int working = positionsKnown ? inputs.workingContracts() : 0;
            // Never an order for a symbol whose positions are not known fresh: not even a reduction.
            Order order = positionsKnown ? order(trade, target, held + working, cap, emergencyCap) : Order.NONE;
            List<InputKind> stale = new ArrayList<>();
            for (InputKind kind : InputKind.values()) {
                if (kind != InputKind.BARS && inputs.state(kind, settings) == InputKind.State.STALE) {
                    stale.add(kind);
                }
            }
            return new Recommendation(inputs.symbol(), inputs.now(), inputs, inputsHash, settingsVersion,
                    status, reason, detail, direction, Optional.ofNullable(estimate), bHist, n, b, fKelly, fMultiplied,
                    cappedAtMax, drawdownKnown, emergency || emergencyCap, fUsed, risk, sized, cappedAtMaxPosition, openRisk, afterPortfolio,
                    correlated, afterCorrelation, halved, contracts, capitalAtRisk, edge, growth, fractionAtRisk,
                    unknownCorrelations, stale, cap, held, working, target, order.contracts(), order.action(), order.reason());
        }
    }
}
