package io.kellydesk.desk.detail;

import io.kellydesk.core.KellyMath;
import io.kellydesk.core.Prediction;
import io.kellydesk.core.Recommendation;
import io.kellydesk.core.SizingSettings;
import io.kellydesk.engine.SymbolSnapshot;
import io.kellydesk.core.HandoffRecord;
import io.kellydesk.desk.fx.FxCoalescer;
import io.kellydesk.desk.ticket.HandoffWords;
import io.kellydesk.engine.DeskEvent;
import io.kellydesk.engine.EventBus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import io.kellydesk.desk.fx.Formats;

/**
 * The detail pane's state: the selected symbol's newest snapshot and its latest handoff, following the engine's
 * events (coalesced) while active; and the "explain the number" rows of it: each step's value and the limit that
 * could bind it, with the binding one marked. FX thread, except that events arrive through the coalescer.
 */
public final class DetailViewModel {

    /** Fixed size the growth curve compares against until the chart toolbar sets it. */
    static final int DEFAULT_FIXED_CONTRACTS = 1;

    /** What the pane shows: the snapshot as of {@code at}, whether Hand off is possible, and the latest handoff in words. */
    public record Shown(SymbolSnapshot snapshot, Instant at, boolean mayHandOff, String handoffText) {
    }

    /** One line of the explanation. {@code binding} marks the limit that decided the size. */
    public record Row(String step, String value, String limit, boolean binding) {
    }

    /** The growth curve g(f) and where the desk's fractions sit on it. */
    public record GrowthCurve(List<double[]> points, double fullKelly, double used, OptionalDouble atRisk, double zeroCrossing,
                              OptionalDouble fixedSizeFraction, int fixedContracts) {
    }

    private final Supplier<SizingSettings> settings;
    private final EventBus bus;
    private final FxCoalescer fx;
    private final Clock clock;
    private final Consumer<SymbolSnapshot> handOff;
    private final Supplier<Optional<String>> handoffOff;
    private final Map<String, SymbolSnapshot> latest = new ConcurrentHashMap<>();
    private final Map<String, String> handoffs = new ConcurrentHashMap<>();
    /** Symbols whose last engine handoff has no known outcome: Hand off stays enabled, for the retry with its id. */
    private final Set<String> unresolved = ConcurrentHashMap.newKeySet();
    private final List<EventBus.Subscription> subscriptions = new ArrayList<>();
    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private volatile String selected;

    /**
     * @param handOff    what Hand off does with the shown snapshot (opens the ticket)
     * @param handoffOff why no handoff is possible at all (no writable decision log), when so
     */
    public DetailViewModel(Supplier<SizingSettings> settings, EventBus bus, FxCoalescer fx, Clock clock,
                           Consumer<SymbolSnapshot> handOff, Supplier<Optional<String>> handoffOff) {
        this.settings = settings;
        this.bus = bus;
        this.fx = fx;
        this.clock = clock;
        this.handOff = handOff;
        this.handoffOff = handoffOff;
    }

    public void activate() {
        subscriptions.add(bus.subscribe(DeskEvent.RecommendationChanged.class, e -> {
            latest.put(e.snapshot().symbol(), e.snapshot());
            if (e.snapshot().symbol().equals(selected)) {
                fx.post("detail", this::refresh);
            }
        }));
        subscriptions.add(bus.subscribe(DeskEvent.HandoffChanged.class, e -> {
            HandoffRecord h = e.handoff();
            if (h.awaitsRetryWithSameId()) {
                unresolved.add(h.symbol());
            } else {
                unresolved.remove(h.symbol());
            }
            handoffs.put(h.symbol(), HandoffWords.order(h) + " · " + h.clientOrderId() + " · "
                    + h.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + h.engineOrderId().map(id -> " · order " + id).orElse(""));
            if (h.symbol().equals(selected)) {
                fx.post("detail", this::refresh);
            }
        }));
    }

    public void deactivate() {
        subscriptions.forEach(EventBus.Subscription::close);
        subscriptions.clear();
    }

    /** Shows {@code symbol} (its newest snapshot, as soon as there is one). */
    public void select(String symbol) {
        selected = symbol;
        refresh();
    }

    public Optional<String> selected() {
        return Optional.ofNullable(selected);
    }

    /** The snapshot on show, if any. */
    public Optional<SymbolSnapshot> current() {
        return selected == null ? Optional.empty() : Optional.ofNullable(latest.get(selected));
    }

    /** Hand off the shown recommendation. */
    public void handOff() {
        current().ifPresent(handOff);
    }

    private void refresh() {
        SymbolSnapshot snapshot = selected == null ? null : latest.get(selected);
        if (snapshot == null) {
            shown.set(null);
            return;
        }
        Optional<String> off = handoffOff.get();
        shown.set(new Shown(snapshot, clock.instant(),
                off.isEmpty() && (snapshot.recommendation().hasOrder() || unresolved.contains(snapshot.symbol())),
                off.orElse(handoffs.getOrDefault(snapshot.symbol(), ""))));
    }

    public ReadOnlyObjectProperty<Shown> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public String title(SymbolSnapshot s) {
        Recommendation r = s.recommendation();
        return s.symbol() + "  ·  " + (r.isTrade() ? "TRADE " + r.direction().name().toLowerCase(java.util.Locale.ROOT) + " " + r.contracts()
                : "NO TRADE");
    }

    /** Spec step 12 in words: target, held, working, the order on offer; for a NO TRADE, why first. */
    public String orderLine(SymbolSnapshot s) {
        Recommendation r = s.recommendation();
        String order = io.kellydesk.engine.PositionWords.orderLine(r);
        return r.isTrade() ? order : r.reason().words() + (r.reasonDetail().isBlank() ? "" : " (" + r.reasonDetail() + ")") + " · " + order;
    }

    public List<Row> predictions(SymbolSnapshot s, Instant now) {
        Recommendation r = s.recommendation();
        List<Row> rows = new ArrayList<>();
        for (io.kellydesk.core.ModelId model : io.kellydesk.core.ModelId.values()) {
            rows.add(prediction(model.displayName(), r.inputs().prediction(model), s.prediction(model), now));
        }
        r.estimate().ifPresent(e -> {
            rows.add(new Row("Models", switch (e.agreement()) {
                case BOTH_AGREE -> "agree";
                case DISAGREE -> "disagree";
                case SINGLE_MODEL -> "one model only";
            }, e.confidenceSpread().isPresent() ? "spread " + Formats.pct(e.confidenceSpread().getAsDouble()) : "", false));
            rows.add(new Row("Win probability p", Formats.pct(e.winProbability()), "p_long " + Formats.pct(e.probabilityLong()) + " → p_raw "
                    + Formats.pct(e.rawWinProbability()) + " → p " + (e.calibrated() ? "calibrated" : "= p_raw (not calibrated: too few outcomes)"), false));
        });
        return rows;
    }

    private static Row prediction(String name, Optional<Prediction> p, SymbolSnapshot.InputStatus status, Instant now) {
        String age = status.ageAt(now).map(DetailViewModel::age).orElse("never");
        String error = status.lastError().map(e -> " · last poll failed: " + e).orElse("");
        return p.map(x -> new Row(name, x.direction() + " " + Formats.pct(x.effectiveConfidence())
                        + (x.memberConfidences().isEmpty() ? "" : " (mean of " + x.memberConfidences().size() + ")"),
                        "age " + age + error, false))
                .orElse(new Row(name, "—", "no prediction" + error, false));
    }

    /** Steps 4 to 11, each with the limit that applies and whether it bound. */
    public List<Row> steps(SymbolSnapshot s) {
        Recommendation r = s.recommendation();
        SizingSettings k = settings.get();
        List<Row> rows = new ArrayList<>();
        if (r.payoffRatio().isEmpty()) {
            // The method stopped before step 4: there is no size to explain, only the reason.
            rows.add(new Row("Stopped", r.reason().words(), r.reasonDetail(), true));
            return rows;
        }
        rows.add(new Row("Payoff ratio b", num(r.payoffRatio()), "b_hist " + num(r.historicalPayoffRatio()) + " from " + r.decisiveTrades()
                + " trades, pulled toward " + Formats.plain(k.payoffPrior()) + " (weight " + Formats.plain(k.payoffPriorStrength()) + ")", false));
        rows.add(new Row("Full Kelly f*", pctOf(r.fullKellyFraction()), "edge b·p − q " + num(r.expectedEdge()), false));
        rows.add(new Row("× multiplier", pctOf(r.fractionAfterMultiplier()), "kelly_multiplier " + Formats.plain(k.kellyMultiplier()), false));
        rows.add(new Row("Cap", pctOf(r.fractionAfterMultiplier().isPresent() ? r.fractionUsed() : OptionalDouble.empty()),
                "max_kelly_fraction " + Formats.pct(k.maxKellyFraction()), r.cappedAtMaxFraction()));
        rows.add(new Row("Drawdown cut", r.emergency() ? "× " + Formats.plain(k.emergencyReductionFactor()) + " → " + pctOf(r.fractionUsed()) : "none",
                "drawdown " + pctOf(r.drawdownFraction()) + " of trigger " + Formats.pct(k.emergencyReductionTrigger()), r.emergency()));
        rows.add(new Row("Contracts", intOf(r.contractsSized()), "risk/contract " + r.riskPerContract().map(x -> Formats.money(x.currency())
                + " (" + io.kellydesk.engine.PositionWords.riskSource(x, r.inputs().payoff().map(pay -> pay.losses()).orElse(0),
                k.stopAtrMultiple()) + ")").orElse("—")
                + " · position cap " + r.positionCapContracts() + (r.emergency() ? " (emergency: max_position_size "
                + k.maxPositionSizeContracts() + " × " + Formats.plain(k.emergencyReductionFactor()) + ")" : ""), r.cappedAtMaxPosition()));
        boolean portfolioCut = r.contractsSized().isPresent() && r.contractsAfterPortfolio().isPresent()
                && r.contractsAfterPortfolio().getAsInt() < r.contractsSized().getAsInt();
        rows.add(new Row("Portfolio cut", intOf(r.contractsAfterPortfolio()), "open risk " + moneyOf(r.openRiskCurrency())
                + " · max_portfolio_risk " + Formats.pct(k.maxPortfolioRisk()), portfolioCut));
        boolean correlationCut = r.contractsAfterPortfolio().isPresent() && r.contractsAfterCorrelation().isPresent()
                && r.contractsAfterCorrelation().getAsInt() < r.contractsAfterPortfolio().getAsInt();
        rows.add(new Row("Correlation cut", intOf(r.contractsAfterCorrelation()), "correlated " + moneyOf(r.correlatedExposureCurrency())
                + " · max_correlation_exposure " + Formats.pct(k.maxCorrelationExposure()), correlationCut));
        rows.add(new Row("Validation", r.halvedByValidation() ? "halved" : (r.contractsAfterCorrelation().isPresent() ? "passed" : "—"),
                r.isTrade() ? "" : r.reason().words() + (r.reasonDetail().isBlank() ? "" : ": " + r.reasonDetail()),
                r.halvedByValidation() || (!r.isTrade() && r.contractsAfterCorrelation().isPresent())));
        rows.add(new Row("Final target", r.isTrade() ? r.contracts() + " contracts " + r.direction().name().toLowerCase(Locale.ROOT) : "no trade",
                r.isTrade() ? "capital at risk " + Formats.money(r.capitalAtRiskCurrency()) + " = " + pctOf(r.fractionAtRisk())
                        + " of equity (f used " + pctOf(r.fractionUsed()) + ")" : "", false));
        rows.add(new Row("Order", orderValue(r), io.kellydesk.engine.PositionWords.holding(r.heldContracts(), r.workingContracts())
                + " · target " + io.kellydesk.engine.PositionWords.signed(r.targetContracts()), r.action() == io.kellydesk.core.OrderAction.REDUCE));
        if (!r.unknownCorrelations().isEmpty()) {
            rows.add(new Row("ρ unknown", String.join(", ", r.unknownCorrelations()), "counted as 1 on the same side (bars missing or old)", false));
        }
        return rows;
    }

    private static String orderValue(Recommendation r) {
        return switch (r.action()) {
            case NONE -> r.actionReason() == io.kellydesk.core.ActionReason.AT_TARGET ? "none: at target" : "none";
            default -> r.action().name().toLowerCase(Locale.ROOT) + ": " + io.kellydesk.engine.PositionWords.side(r.orderContracts())
                    + " " + Math.abs(r.orderContracts());
        };
    }

    /**
     * "P(ever −30 %) ≈ …" for the fraction the target actually risks (f_at_risk), as a multiple of full Kelly; empty
     * without a trade.
     */
    public Optional<String> ruinStatement(SymbolSnapshot s) {
        Recommendation r = s.recommendation();
        return io.kellydesk.engine.PositionWords.ruinProbability30(r).map(ruin -> String.format(Locale.ROOT,
                "P(ever −30 %%) ≈ %.1f %% at the %s actually at risk (%.2f × Kelly)", ruin * 100,
                Formats.pct(r.fractionAtRisk().getAsDouble()), r.fractionAtRisk().getAsDouble() / r.fullKellyFraction().getAsDouble()));
    }

    /** g(f) from 0 to a little past where it turns negative; empty when there is no edge to draw. */
    public Optional<GrowthCurve> growthCurve(SymbolSnapshot s, int fixedContracts) {
        Recommendation r = s.recommendation();
        if (r.estimate().isEmpty() || r.payoffRatio().isEmpty() || r.fullKellyFraction().isEmpty() || r.fullKellyFraction().getAsDouble() <= 0) {
            return Optional.empty();
        }
        double p = r.estimate().get().winProbability();
        double b = r.payoffRatio().getAsDouble();
        double fStar = r.fullKellyFraction().getAsDouble();
        double zero = KellyMath.growthZeroCrossing(p, b);
        double end = Math.min(0.999, zero * 1.15);
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i <= 80; i++) {
            double f = end * i / 80;
            points.add(new double[] {f, KellyMath.growthRate(p, b, f)});
        }
        OptionalDouble fixed = OptionalDouble.empty();
        if (r.riskPerContract().isPresent() && r.inputs().account().isPresent()) {
            double fraction = fixedContracts * r.riskPerContract().get().currency() / r.inputs().account().get().equityCurrency();
            if (fraction < 1) {
                fixed = OptionalDouble.of(fraction);
            }
        }
        return Optional.of(new GrowthCurve(points, fStar, r.fractionUsed().orElse(0), r.fractionAtRisk(), zero, fixed, fixedContracts));
    }


    private static String pctOf(OptionalDouble value) {
        return value.isPresent() ? Formats.pct(value.getAsDouble()) : "—";
    }

    private static String num(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.3f", value.getAsDouble()) : "—";
    }


    private static String intOf(java.util.OptionalInt value) {
        return value.isPresent() ? Integer.toString(value.getAsInt()) : "—";
    }


    private static String moneyOf(OptionalDouble amount) {
        return amount.isPresent() ? Formats.money(amount.getAsDouble()) : "—";
    }

    private static String age(Duration age) {
        return io.kellydesk.engine.AgeWords.of(age);
    }
}
