package io.kellydesk.engine;

import io.kellydesk.core.Account;
import io.kellydesk.core.Bar;
import io.kellydesk.core.ClosedTrade;
import io.kellydesk.core.Correlations;
import io.kellydesk.core.Direction;
import io.kellydesk.core.IsotonicCalibrator;
import io.kellydesk.core.KellySizer;
import io.kellydesk.core.ModelId;
import io.kellydesk.core.EngineOrder;
import io.kellydesk.core.Exposure;
import io.kellydesk.core.InputKind;
import io.kellydesk.core.SentOrder;
import io.kellydesk.core.WorkingOrders;
import io.kellydesk.core.PayoffStatistics;
import io.kellydesk.core.Position;
import io.kellydesk.core.Prediction;
import io.kellydesk.core.Quote;
import io.kellydesk.core.Recommendation;
import io.kellydesk.core.RiskPerContract;
import io.kellydesk.core.ServiceHealth;
import io.kellydesk.core.ServiceState;
import io.kellydesk.core.SizingContext;
import io.kellydesk.core.SizingInputs;
import io.kellydesk.core.SizingSettings;
import io.kellydesk.core.UpstreamService;
import io.kellydesk.feeds.FeedListener;
import io.kellydesk.feeds.FeedResult;
import io.kellydesk.tasks.TaskExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live pipeline: poll results update each symbol's book; a symbol whose inputs (or their freshness, or
 * the settings) changed is re-sized, one drainer per symbol so its updates stay in order and bursts coalesce;
 * identical inputs are neither recomputed nor re-logged. Results go to the snapshot map, the event bus and
 * the decision sink.
 *
 * <p>Threads: an update about one symbol is sized on the poll thread that delivered it (a virtual thread; the
 * work takes microseconds), which keeps arrival-to-snapshot latency free of queueing behind other symbols.
 * Desk-wide re-sizes (the one-second tick, new settings, a new account) go to the compute executor.
 */
public final class DeskEngine implements FeedListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeskEngine.class);
    private static final Duration HEARTBEAT = Duration.ofMinutes(1);

    private final TaskExecutor compute;
    private final EventBus bus;
    private final DecisionSink sink;
    private final Clock clock;
    private final Map<String, SymbolBook> books = new ConcurrentHashMap<>();
    private final Map<String, SymbolSnapshot> snapshots = new ConcurrentHashMap<>();
    private final Map<UpstreamService, ServiceHealth> health = new ConcurrentHashMap<>();
    private final Map<String, CachedCorrelation> correlations = new ConcurrentHashMap<>();
    private volatile SizingContext context;
    private volatile Optional<Account> account = Optional.empty();
    private volatile Instant accountAt;
    /** Held and working contracts, replaced whole (under {@code this}) so a sizing sees one consistent picture. */
    private volatile ExposureState exposure = ExposureState.NONE;
    /** The desk's own engine handoffs of the day, by client order id. */
    private final Map<String, SentOrder> sentOrders = new ConcurrentHashMap<>();
    private final Map<String, Instant> sentAt = new ConcurrentHashMap<>();
    private volatile Set<String> exposedSymbols = Set.of();
    private volatile java.util.function.Consumer<Set<String>> exposureListener = symbols -> { };
    private volatile List<String> activeSymbols = List.of();
    private volatile List<String> listedSymbols = List.of();
    /** The same symbols as a set: every poll answer asks whether its symbol is active. */
    private volatile Set<String> activeSet = Set.of();
    private volatile boolean emergency;
    private volatile boolean closed;

    public DeskEngine(SizingContext context, TaskExecutor compute, EventBus bus, DecisionSink sink, Clock clock) {
        this.context = context;
        this.compute = compute;
        this.bus = bus;
        this.sink = sink;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- feed input

    @Override
    public void onSymbols(List<String> symbols) {
        listedSymbols = List.copyOf(symbols);
        refreshActive();
    }

    /** Active = the market-data list, then every symbol held or working that the list lacks (it must show a reduction). */
    private synchronized void refreshActive() {
        List<String> active = new ArrayList<>(listedSymbols);
        exposedSymbols.stream().filter(s -> !listedSymbols.contains(s)).sorted().forEach(active::add);
        if (!active.equals(activeSymbols)) {
            activeSymbols = List.copyOf(active);
            activeSet = Set.copyOf(active);
            active.forEach(this::book);
            snapshots.keySet().retainAll(activeSet);
            bus.publish(new DeskEvent.SymbolsChanged(activeSymbols));
        }
    }

    /** Told the symbols held or working whenever they change (the poller polls their prices and history). */
    public void onExposureSymbols(java.util.function.Consumer<Set<String>> listener) {
        exposureListener = listener;
        listener.accept(exposedSymbols);
    }

    @Override
    public void onPrediction(ModelId model, String symbol, FeedResult<Prediction> result) {
        SymbolBook book = book(symbol);
        switch (result) {
            case FeedResult.Ok<Prediction> ok -> {
                SymbolBook.PredictionSlot slot = book.predictions.get(model);
                slot.prediction = ok.value();
                slot.at = earlier(clock.instant(), ok.value().timestamp());
                slot.error = null;
            }
            // The last good prediction stays; it ages into staleness and then out of the estimate.
            case FeedResult.Failed<Prediction> failed -> book.predictions.get(model).error = failed.failure().toString();
        }
        markDirtyHere(symbol);
    }

    @Override
    public void onQuote(String symbol, FeedResult<Quote> result) {
        SymbolBook book = book(symbol);
        switch (result) {
            case FeedResult.Ok<Quote> ok -> {
                Quote before = book.quote;
                Instant beforeAt = book.quoteAt;
                book.quote = ok.value();
                book.quoteAt = earlier(clock.instant(), ok.value().timestamp());
                book.quoteError = null;
                // A held or working symbol's risk per contract enters every other symbol's limits: when it changes
                // (first quote, new ATR or point value, fresh again after ageing), every symbol is re-sized.
                boolean riskChanged = before == null || before.atrPoints() != ok.value().atrPoints()
                        || before.pointValueCurrency() != ok.value().pointValueCurrency()
                        || !fresh(beforeAt, context.settings().maxPredictionAgeSeconds(), clock.instant());
                if (riskChanged) {
                    markDirtyWithHolders(symbol);
                    return;
                }
            }
            case FeedResult.Failed<Quote> failed -> book.quoteError = failed.failure().toString();
        }
        markDirtyHere(symbol);
    }

    @Override
    public void onAccount(FeedResult<Account> result) {
        if (result instanceof FeedResult.Ok<Account> ok) {
            account = Optional.of(ok.value());
            accountAt = earlier(clock.instant(), ok.value().timestamp());
            double drawdown = ok.value().drawdownFraction();
            boolean now = drawdown >= context.settings().emergencyReductionTrigger();
            if (now != emergency) {
                emergency = now;
                // before the account itself, so the header's figure and its alarm colour change together
                bus.publish(new DeskEvent.EmergencyChanged(now, drawdown));
            }
            bus.publish(new DeskEvent.AccountChanged(ok.value()));
            markAllDirty();
        }
    }

    @Override
    public void onPositions(FeedResult<List<Position>> result) {
        if (result instanceof FeedResult.Ok<List<Position>> ok) {
            applyExposure(Optional.empty(), Optional.of(ok.value()));
        }
    }

    @Override
    public void onOrders(FeedResult<List<EngineOrder>> result) {
        if (result instanceof FeedResult.Ok<List<EngineOrder>> ok) {
            applyExposure(Optional.of(ok.value()), Optional.empty());
        }
    }

    /**
     * The engine's orders and positions of one poll (orders asked first: a fill between the two answers is then counted
     * twice for one poll, never missed), applied together.
     */
    @Override
    public void onExposure(FeedResult<List<EngineOrder>> orders, FeedResult<List<Position>> positions) {
        applyExposure(orders instanceof FeedResult.Ok<List<EngineOrder>> ok ? Optional.of(ok.value()) : Optional.empty(),
                positions instanceof FeedResult.Ok<List<Position>> ok ? Optional.of(ok.value()) : Optional.empty());
    }

    /** Valid answers replace the held and working picture as one value; a missing one leaves its part to age. */
    private void applyExposure(Optional<List<EngineOrder>> orders, Optional<List<Position>> positions) {
        boolean changed = false;
        synchronized (this) {
            ExposureState state = exposure;
            Instant now = clock.instant();
            if (orders.isPresent()) {
                changed |= !orders.get().equals(state.engineOrders());
                state = state.withOrders(orders.get(), now, List.copyOf(sentOrders.values()));
            }
            if (positions.isPresent()) {
                Map<String, Integer> signed = new java.util.HashMap<>();
                for (Position p : positions.get()) {
                    if (p.contracts() != 0) {
                        signed.merge(p.symbol(), p.side() == Direction.LONG ? p.contracts() : -p.contracts(), Integer::sum);
                    }
                }
                changed |= !signed.equals(state.held());
                state = state.withPositions(signed, now);
            }
            exposure = state;
        }
        if (changed) {
            exposureChanged();
        }
    }

    /**
     * A handoff of the desk's own changed state (called by the handoff service's listener). Until it is known final
     * at the engine it counts as working in its symbol (spec step 9).
     */
    public void onHandoff(SentOrder order, Instant createdAt) {
        boolean changed;
        synchronized (this) {
            SentOrder before = sentOrders.put(order.clientOrderId(), order);
            sentAt.put(order.clientOrderId(), createdAt);
            changed = !order.equals(before);
            if (changed) {
                Instant startOfDay = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
                sentAt.entrySet().removeIf(e -> e.getValue().isBefore(startOfDay) && sentOrders.remove(e.getKey()) != null);
                ExposureState state = exposure;
                exposure = state.withOrders(state.engineOrders(), state.ordersAt(), List.copyOf(sentOrders.values()));
            }
        }
        if (changed) {
            exposureChanged();
        }
    }

    /** Held or working changed: every symbol's portfolio check changes, and the set of exposed symbols may. */
    private void exposureChanged() {
        Set<String> exposed = exposure.exposedSymbols();
        if (!exposed.equals(exposedSymbols)) {
            exposedSymbols = Set.copyOf(exposed);
            exposureListener.accept(exposedSymbols);
            refreshActive();
        }
        markAllDirty();
    }

    @Override
    public void onTrades(String symbol, FeedResult<List<ClosedTrade>> result) {
        if (result instanceof FeedResult.Failed<List<ClosedTrade>> failed) {
            // the last good history stands and ages; the failure shows on this symbol's tile
            SymbolBook book = book(symbol);
            String before = book.tradesError;
            book.tradesError = failed.failure().toString();
            if (before == null) {
                markDirtyHere(symbol);
            }
            return;
        }
        if (result instanceof FeedResult.Ok<List<ClosedTrade>> ok) {
            SymbolBook book = book(symbol);
            boolean first = book.tradesAt == null;
            book.tradesAt = clock.instant();
            book.tradesError = null;
            if (!first && ok.value().equals(book.trades)) {
                return; // same history, newly confirmed: its age restarts, the size does not change
            }
            book.trades = ok.value();
            book.payoff = payoffOf(book, context.settings());
            sink.tradesClosed(ok.value());
            markDirtyWithHolders(symbol);
        }
    }

    @Override
    public void onBars(String symbol, FeedResult<List<Bar>> result) {
        if (result instanceof FeedResult.Failed<List<Bar>> failed) {
            SymbolBook book = book(symbol);
            String before = book.barsError;
            book.barsError = failed.failure().toString();
            if (before == null) {
                markDirtyHere(symbol);
            }
            return;
        }
        if (result instanceof FeedResult.Ok<List<Bar>> ok) {
            SymbolBook book = book(symbol);
            boolean first = book.barsAt == null;
            book.barsAt = clock.instant();
            book.barsError = null;
            if (!first && ok.value().equals(book.bars)) {
                return;
            }
            book.bars = ok.value();
            markDirtyWithHolders(symbol);
        }
    }

    @Override
    public void onHealth(ServiceHealth serviceHealth) {
        ServiceHealth before = health.put(serviceHealth.service(), serviceHealth);
        if (before == null || before.state() != serviceHealth.state()) {
            bus.publish(new DeskEvent.ServiceHealthChanged(serviceHealth));
            // Only market data and the trading engine enter a size through their health (a prediction service
            // matters through the freshness of its answers): re-size only when one of them turns usable or not.
            UpstreamService service = serviceHealth.service();
            boolean sizingDependsOnIt = service == UpstreamService.MARKET_DATA || service == UpstreamService.TRADING_ENGINE;
            if (sizingDependsOnIt && (before == null || blocksSizing(before) != blocksSizing(serviceHealth))) {
                markAllDirty();
            }
        }
    }

    private static boolean blocksSizing(ServiceHealth h) {
        return h.state() == ServiceState.DOWN || h.state() == ServiceState.AUTH_FAILED;
    }

    // ---------------------------------------------------------------- control

    /** New settings: payoff windows are re-cut and every symbol is re-sized at once. */
    public void updateSettings(SizingSettings settings) {
        context = SizingContext.of(settings, context.calibrator());
        books.values().forEach(book -> {
            if (book.tradesAt != null) {
                book.payoff = payoffOf(book, settings);
            }
        });
        markAllDirty();
    }

    public void updateCalibration(IsotonicCalibrator calibrator) {
        context = context.withCalibrator(calibrator);
        markAllDirty();
    }

    /** Called every second: inputs age even when no data arrives, and staleness must show. */
    public void tick() {
        markAllDirty();
    }

    public Optional<SymbolSnapshot> snapshot(String symbol) {
        return Optional.ofNullable(snapshots.get(symbol));
    }

    /** Latest snapshots in the order of the active symbol list. */
    public List<SymbolSnapshot> snapshots() {
        List<SymbolSnapshot> ordered = new ArrayList<>();
        for (String symbol : activeSymbols) {
            SymbolSnapshot s = snapshots.get(symbol);
            if (s != null) {
                ordered.add(s);
            }
        }
        return ordered;
    }

    /** The closed trades the engine holds for a symbol (the trading engine's answer for the lookback window). */
    public List<ClosedTrade> closedTrades(String symbol) {
        SymbolBook book = books.get(symbol);
        return book == null ? List.of() : book.trades;
    }

    /** Per symbol with a quote: the ATR stop in currency (stop_atr_multiple × ATR × point value). */
    public Map<String, Double> atrRiskPerContract() {
        Map<String, Double> risk = new java.util.HashMap<>();
        double multiple = context.settings().stopAtrMultiple();
        books.values().forEach(b -> {
            Quote q = b.quote;
            if (q != null) {
                risk.put(b.symbol, multiple * q.atrPoints() * q.pointValueCurrency());
            }
        });
        return risk;
    }

    public List<String> activeSymbols() {
        return activeSymbols;
    }

    /** True when no symbol has sizing work queued or running (for load scenarios and tests). */
    public boolean isIdle() {
        for (SymbolBook book : books.values()) {
            if (book.pending.get() != 0) {
                return false;
            }
        }
        return true;
    }

    public Optional<Account> account() {
        return account;
    }

    public SizingContext context() {
        return context;
    }

    /** The current inputs of a symbol, for re-validation at order handoff. */
    public SizingInputs currentInputs(String symbol) {
        return inputsFor(book(symbol), context, clock.instant());
    }

    // ---------------------------------------------------------------- computing

    private SymbolBook book(String symbol) {
        return books.computeIfAbsent(symbol, SymbolBook::new);
    }

    /**
     * The symbol itself, and every symbol when it is held or working: its loss history and bars feed the
     * portfolio and correlation checks of all others. Otherwise its data concern it alone.
     */
    private void markDirtyWithHolders(String symbol) {
        if (exposedSymbols.contains(symbol)) {
            markAllDirty();
        } else {
            markDirtyHere(symbol);
        }
    }

    private void markAllDirty() {
        for (String symbol : activeSymbols) {
            markDirty(symbol);
        }
    }

    /** Queues the symbol on the compute executor (desk-wide re-sizes). */
    private void markDirty(String symbol) {
        markDirty(symbol, compute::execute);
    }

    /** Sizes the symbol on this (poll) thread, unless another thread is already draining it. */
    private void markDirtyHere(String symbol) {
        markDirty(symbol, Runnable::run);
    }

    private void markDirty(String symbol, java.util.concurrent.Executor where) {
        if (closed || !activeSet.contains(symbol)) {
            return; // shut down; or polled before the symbol list arrived, or dropped since: kept, not sized
        }
        SymbolBook book = book(symbol);
        if (book.pending.getAndIncrement() == 0) {
            try {
                where.execute(() -> drain(book));
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                book.pending.set(0); // an answer that arrived while the desk closed: nothing left to size it for
            }
        }
    }

    /** Runs until no new work arrived during the last computation; only one drainer per symbol exists. */
    private void drain(SymbolBook book) {
        int seen;
        do {
            seen = book.pending.get();
            try {
                computeIfChanged(book);
            } catch (RuntimeException e) {
                LOG.error("Sizing {} failed", book.symbol, e);
            }
        } while (!book.pending.compareAndSet(seen, 0));
    }

    private void computeIfChanged(SymbolBook book) {
        SizingContext ctx = context;
        Instant now = clock.instant();
        SizingInputs inputs = inputsFor(book, ctx, now);
        String canonical = inputs.canonicalText();
        String key = canonical + '|' + ctx.settingsVersion() + '|' + calibrationKey(ctx) + '|'
                + inputs.freshnessKey(ctx.settings());
        Map<ModelId, SymbolSnapshot.InputStatus> predictions = new EnumMap<>(ModelId.class);
        book.predictions.forEach((model, slot) -> predictions.put(model,
                new SymbolSnapshot.InputStatus(Optional.ofNullable(slot.at), Optional.ofNullable(slot.error))));
        SymbolSnapshot.InputStatus quote = new SymbolSnapshot.InputStatus(
                Optional.ofNullable(book.quoteAt), Optional.ofNullable(book.quoteError));
        SymbolSnapshot.InputStatus history = new SymbolSnapshot.InputStatus(
                Optional.ofNullable(book.tradesAt), Optional.ofNullable(book.tradesError));
        SymbolSnapshot.InputStatus bars = new SymbolSnapshot.InputStatus(
                Optional.ofNullable(book.barsAt), Optional.ofNullable(book.barsError));
        Duration maxAge = Duration.ofMillis(Math.round(ctx.settings().maxPredictionAgeSeconds() * 1000));
        SymbolSnapshot previous = snapshots.get(book.symbol);
        if (key.equals(book.lastCacheKey) && previous != null) {
            if (!previous.predictions().equals(predictions) || !previous.quote().equals(quote)
                    || !previous.history().equals(history) || !previous.bars().equals(bars)) {
                // Same size, new news about the inputs (a failure, a newer timestamp): show it, log nothing.
                SymbolSnapshot refreshed = new SymbolSnapshot(book.symbol, previous.recommendation(), previous.computedAt(),
                        predictions, quote, maxAge, history, bars);
                snapshots.put(book.symbol, refreshed);
                bus.publish(new DeskEvent.RecommendationChanged(refreshed));
            }
            if (Duration.between(book.lastLoggedAt, now).compareTo(HEARTBEAT) >= 0) {
                book.lastLoggedAt = now;
                sink.heartbeat(book.symbol, book.lastLoggedHash, now);
            }
            return;
        }
        book.lastCacheKey = key;
        String hash = SizingInputs.digest(canonical);
        Recommendation recommendation = KellySizer.recommend(inputs, hash, ctx);
        SymbolSnapshot snapshot = new SymbolSnapshot(book.symbol, recommendation, now, predictions, quote, maxAge, history, bars);
        snapshots.put(book.symbol, snapshot);
        book.lastLoggedAt = now;
        book.lastLoggedHash = hash;
        sink.record(recommendation);
        bus.publish(new DeskEvent.RecommendationChanged(snapshot));
    }

    /** What of the calibration can change a size: nothing below calibration_min_outcomes, else the fitted map. */
    private static String calibrationKey(SizingContext ctx) {
        IsotonicCalibrator c = ctx.calibrator();
        return c == null || c.outcomeCount() == 0 || c.outcomeCount() < ctx.settings().calibrationMinOutcomes() ? "raw" : c.fingerprint();
    }

    private SizingInputs inputsFor(SymbolBook book, SizingContext ctx, Instant now) {
        SizingSettings settings = ctx.settings();
        Set<String> unhealthy = new HashSet<>();
        // Prediction services matter through freshness (a dead model drops out, the other renormalises);
        // quotes and the account are needed for every size, so their services must be up.
        for (UpstreamService required : List.of(UpstreamService.MARKET_DATA, UpstreamService.TRADING_ENGINE)) {
            ServiceHealth h = health.get(required);
            if (h != null && (h.state() == ServiceState.DOWN || h.state() == ServiceState.AUTH_FAILED)) {
                unhealthy.add(required.displayName() + " " + h.state().label());
            }
        }
        SizingInputs.Builder in = SizingInputs.builder(book.symbol, now).unhealthy(unhealthy);
        book.predictions.values().forEach(slot -> {
            Prediction latest = slot.prediction;
            Instant at = slot.at;
            if (latest != null) {
                in.prediction(latest, at);
            }
        });
        if (book.payoff != null) {
            in.payoff(book.payoff, book.tradesAt);
        }
        account.ifPresent(a -> in.account(a, accountAt));
        if (book.quote != null) {
            in.quote(book.quote, book.quoteAt);
        }
        if (book.barsAt != null) {
            in.bars(book.barsAt);
        }
        ExposureState state = exposure;
        Map<String, Integer> heldNow = state.held();
        Map<String, Integer> working = state.working(now, settings.maxAccountAgeSeconds());
        if (heldNow != null) {
            in.positions(heldNow.getOrDefault(book.symbol, 0), state.positionsAt());
        }
        in.working(working.getOrDefault(book.symbol, 0), Optional.ofNullable(state.ordersAt()));
        List<Exposure> others = new ArrayList<>();
        Set<String> exposed = new java.util.TreeSet<>(working.keySet());
        if (heldNow != null) {
            exposed.addAll(heldNow.keySet());
        }
        for (String symbol : exposed) {
            if (symbol.equals(book.symbol)) {
                continue;
            }
            int h = heldNow == null ? 0 : heldNow.getOrDefault(symbol, 0);
            int w = working.getOrDefault(symbol, 0);
            if (h + w == 0) {
                continue;
            }
            SymbolBook other = books.get(symbol);
            others.add(new Exposure(symbol, h, w, riskPerContract(other, settings, now), correlation(book, other, settings, now)));
        }
        return in.others(others).build();
    }

    /**
     * Spec step 9: another symbol's risk per contract, when known: its mean loss from a fresh history with enough
     * losses, else the ATR stop from a fresh quote; unknown otherwise.
     */
    private static java.util.OptionalDouble riskPerContract(SymbolBook other, SizingSettings settings, Instant now) {
        if (other == null) {
            return java.util.OptionalDouble.empty();
        }
        PayoffStatistics payoff = fresh(other.tradesAt, settings.maxHistoryAgeSeconds(), now) && other.payoff != null
                ? other.payoff : PayoffStatistics.NONE;
        if (fresh(other.quoteAt, settings.maxPredictionAgeSeconds(), now) && other.quote != null) {
            return java.util.OptionalDouble.of(RiskPerContract.estimate(payoff, other.quote, settings).currency());
        }
        if (payoff.losses() >= settings.minLossesForRisk() && payoff.losses() > 0 && payoff.meanLossPerContract() > 0) {
            return java.util.OptionalDouble.of(payoff.meanLossPerContract());
        }
        return java.util.OptionalDouble.empty();
    }

    private static boolean fresh(Instant asOf, double maxAgeSeconds, Instant now) {
        return asOf != null && Duration.between(asOf, now).toMillis() <= maxAgeSeconds * 1000.0;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private record CachedCorrelation(List<Bar> a, List<Bar> b, int lookback, java.util.OptionalDouble rho) {
    }

    /**
     * ρ of two symbols' returns, recomputed only when either's bars (replaced whole on update) change; unknown when
     * either's bars are missing, older than max_history_age_s, or too short to correlate.
     */
    private java.util.OptionalDouble correlation(SymbolBook a, SymbolBook b, SizingSettings settings, Instant now) {
        if (b == null || !fresh(a.barsAt, settings.maxHistoryAgeSeconds(), now) || !fresh(b.barsAt, settings.maxHistoryAgeSeconds(), now)) {
            return java.util.OptionalDouble.empty();
        }
        int lookback = settings.correlationLookbackBars();
        String pair = a.symbol + '|' + b.symbol;
        List<Bar> barsA = a.bars;
        List<Bar> barsB = b.bars;
        CachedCorrelation cached = correlations.get(pair);
        if (cached != null && cached.a() == barsA && cached.b() == barsB && cached.lookback() == lookback) {
            return cached.rho();
        }
        java.util.OptionalDouble rho = Correlations.ofReturns(barsA, barsB, lookback);
        correlations.put(pair, new CachedCorrelation(barsA, barsB, lookback, rho));
        return rho;
    }

    private PayoffStatistics payoffOf(SymbolBook book, SizingSettings settings) {
        return PayoffStatistics.of(book.trades, book.symbol, clock.instant(), Duration.ofDays(settings.winLossLookbackDays()));
    }

    public Map<UpstreamService, ServiceHealth> health() {
        Map<UpstreamService, ServiceHealth> copy = new EnumMap<>(UpstreamService.class);
        copy.putAll(health);
        return copy;
    }

    /** Stops sizing: queued work finds the engine closed. Any thread; returns at once. */
    @Override
    public void close() {
        closed = true; // the compute executor belongs to whoever gave it; queued work finds the engine closed
    }
}
