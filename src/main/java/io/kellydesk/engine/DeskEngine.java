package io.kellydesk.engine;

import io.kellydesk.core.Account;
import io.kellydesk.core.Bar;
import io.kellydesk.core.ClosedTrade;
import io.kellydesk.core.Correlations;
import io.kellydesk.core.IsotonicCalibrator;
import io.kellydesk.core.KellySizer;
import io.kellydesk.core.ModelId;
import io.kellydesk.core.OpenExposure;
import io.kellydesk.core.PayoffStatistics;
import io.kellydesk.core.Position;
import io.kellydesk.core.Prediction;
import io.kellydesk.core.ProbabilityEstimator;
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
    private volatile List<Position> positions = List.of();
    private volatile List<String> activeSymbols = List.of();
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
        if (!symbols.equals(activeSymbols)) {
            activeSymbols = List.copyOf(symbols);
            activeSet = Set.copyOf(symbols);
            symbols.forEach(this::book);
            snapshots.keySet().retainAll(Set.copyOf(symbols));
            bus.publish(new DeskEvent.SymbolsChanged(activeSymbols));
        }
    }

    @Override
    public void onPrediction(ModelId model, String symbol, FeedResult<Prediction> result) {
        SymbolBook book = book(symbol);
        switch (result) {
            case FeedResult.Ok<Prediction> ok -> {
                if (model == ModelId.LSTM) {
                    book.lstm = ok.value();
                    book.lstmError = null;
                } else {
                    book.ensemble = ok.value();
                    book.ensembleError = null;
                }
            }
            case FeedResult.Failed<Prediction> failed -> {
                // The last good prediction stays; it ages into staleness and then out of the estimate.
                if (model == ModelId.LSTM) {
                    book.lstmError = failed.failure().toString();
                } else {
                    book.ensembleError = failed.failure().toString();
                }
            }
        }
        markDirtyHere(symbol);
    }

    @Override
    public void onQuote(String symbol, FeedResult<Quote> result) {
        SymbolBook book = book(symbol);
        switch (result) {
            case FeedResult.Ok<Quote> ok -> {
                book.quote = ok.value();
                book.quoteError = null;
            }
            case FeedResult.Failed<Quote> failed -> book.quoteError = failed.failure().toString();
        }
        markDirtyHere(symbol);
    }

    @Override
    public void onAccount(FeedResult<Account> result) {
        if (result instanceof FeedResult.Ok<Account> ok) {
            account = Optional.of(ok.value());
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
        if (result instanceof FeedResult.Ok<List<Position>> ok && !ok.value().equals(positions)) {
            positions = ok.value();
            markAllDirty();
        }
    }

    @Override
    public void onTrades(String symbol, FeedResult<List<ClosedTrade>> result) {
        if (result instanceof FeedResult.Ok<List<ClosedTrade>> ok) {
            SymbolBook book = book(symbol);
            if (ok.value().equals(book.trades)) {
                return;
            }
            book.trades = ok.value();
            book.payoff = payoffOf(book, context.settings());
            sink.tradesClosed(ok.value());
            markDirtyWithHolders(symbol);
        }
    }

    @Override
    public void onBars(String symbol, FeedResult<List<Bar>> result) {
        if (result instanceof FeedResult.Ok<List<Bar>> ok) {
            SymbolBook book = book(symbol);
            if (ok.value().equals(book.bars)) {
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
            markAllDirty();
        }
    }

    // ---------------------------------------------------------------- control

    /** New settings: payoff windows are re-cut and every symbol is re-sized at once. */
    public void updateSettings(SizingSettings settings) {
        context = SizingContext.of(settings, context.calibrator());
        books.values().forEach(book -> book.payoff = payoffOf(book, settings));
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
     * The symbol itself, and every symbol when it is held: an open position's loss history and bars feed the
     * portfolio and correlation checks of all others. Otherwise its data concern it alone.
     */
    private void markDirtyWithHolders(String symbol) {
        boolean held = positions.stream().anyMatch(p -> p.symbol().equals(symbol) && p.contracts() > 0);
        if (held) {
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
        String key = canonical + '|' + ctx.settingsVersion() + '|' + System.identityHashCode(ctx.calibrator()) + '|'
                + freshness(inputs, ctx.settings());
        SymbolSnapshot.InputStatus lstm = new SymbolSnapshot.InputStatus(
                Optional.ofNullable(book.lstm).map(Prediction::timestamp), Optional.ofNullable(book.lstmError));
        SymbolSnapshot.InputStatus ensemble = new SymbolSnapshot.InputStatus(
                Optional.ofNullable(book.ensemble).map(Prediction::timestamp), Optional.ofNullable(book.ensembleError));
        SymbolSnapshot.InputStatus quote = new SymbolSnapshot.InputStatus(
                Optional.ofNullable(book.quote).map(Quote::timestamp), Optional.ofNullable(book.quoteError));
        Duration maxAge = Duration.ofMillis(Math.round(ctx.settings().maxPredictionAgeSeconds() * 1000));
        SymbolSnapshot previous = snapshots.get(book.symbol);
        if (key.equals(book.lastCacheKey) && previous != null) {
            if (!previous.lstm().equals(lstm) || !previous.ensemble().equals(ensemble) || !previous.quote().equals(quote)) {
                // Same size, new news about the inputs (a failure, a newer timestamp): show it, log nothing.
                SymbolSnapshot refreshed = new SymbolSnapshot(book.symbol, previous.recommendation(), previous.computedAt(),
                        lstm, ensemble, quote, maxAge);
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
        SymbolSnapshot snapshot = new SymbolSnapshot(book.symbol, recommendation, now, lstm, ensemble, quote, maxAge);
        snapshots.put(book.symbol, snapshot);
        book.lastLoggedAt = now;
        book.lastLoggedHash = hash;
        sink.record(recommendation);
        bus.publish(new DeskEvent.RecommendationChanged(snapshot));
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
        List<OpenExposure> exposures = new ArrayList<>();
        for (Position p : positions) {
            if (p.contracts() == 0) {
                continue;
            }
            SymbolBook other = books.get(p.symbol());
            if (other == null || other.quote == null) {
                unhealthy.add("Market data: no quote for open position " + p.symbol());
                continue;
            }
            RiskPerContract risk = RiskPerContract.estimate(other.payoff, other.quote, settings);
            double rho = p.symbol().equals(book.symbol) ? 1.0 : correlation(book, other, settings.correlationLookbackBars());
            exposures.add(new OpenExposure(p.symbol(), p.side(), p.contracts(), risk.currency(), rho));
        }
        return new SizingInputs(book.symbol, now, Optional.ofNullable(book.lstm), Optional.ofNullable(book.ensemble),
                book.payoff, account, Optional.ofNullable(book.quote), exposures, unhealthy);
    }

    private record CachedCorrelation(List<Bar> a, List<Bar> b, int lookback, double rho) {
    }

    /** ρ of two symbols' returns, recomputed only when either's bars (replaced whole on update) change. */
    private double correlation(SymbolBook a, SymbolBook b, int lookback) {
        String pair = a.symbol + '|' + b.symbol;
        List<Bar> barsA = a.bars;
        List<Bar> barsB = b.bars;
        CachedCorrelation cached = correlations.get(pair);
        if (cached != null && cached.a() == barsA && cached.b() == barsB && cached.lookback() == lookback) {
            return cached.rho();
        }
        double rho = Correlations.ofReturns(barsA, barsB, lookback).orElse(0.0);
        correlations.put(pair, new CachedCorrelation(barsA, barsB, lookback, rho));
        return rho;
    }

    /** Which inputs are fresh now; part of the cache key so ageing into staleness triggers a recompute. */
    private static String freshness(SizingInputs inputs, SizingSettings settings) {
        StringBuilder bits = new StringBuilder(3);
        for (ModelId model : ModelId.values()) {
            bits.append(inputs.prediction(model).map(p -> ProbabilityEstimator.isFresh(p, inputs.now(), settings) ? 'F' : 'S').orElse('-'));
        }
        bits.append(inputs.quote().map(q -> Duration.between(q.timestamp(), inputs.now()).toMillis()
                <= settings.maxPredictionAgeSeconds() * 1000 ? 'F' : 'S').orElse('-'));
        return bits.toString();
    }

    private PayoffStatistics payoffOf(SymbolBook book, SizingSettings settings) {
        return PayoffStatistics.of(book.trades, book.symbol, clock.instant(), Duration.ofDays(settings.winLossLookbackDays()));
    }

    public Map<UpstreamService, ServiceHealth> health() {
        Map<UpstreamService, ServiceHealth> copy = new EnumMap<>(UpstreamService.class);
        copy.putAll(health);
        return copy;
    }

    @Override
    public void close() {
        closed = true;
        compute.close();
    }
}
