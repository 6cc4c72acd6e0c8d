package io.kellydesk.feeds;

import io.kellydesk.tasks.Backoff;
import io.kellydesk.core.ModelId;
import io.kellydesk.core.ServiceHealth;
import io.kellydesk.core.ServiceState;
import io.kellydesk.core.ServicesSettings;
import io.kellydesk.core.UpstreamService;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every service on its own schedule: per symbol and service for predictions, quotes, trades and bars;
 * once for account, positions, the symbol list and each /health. One timer thread only schedules; each request
 * runs on its own virtual thread, so a slow service never delays another. Failures back off with jitter,
 * a service's circuit breaker stops requests to a dead service, and 401/403 wait the longest back-off.
 */
public final class FeedPoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
    private static final Duration SYMBOLS_INTERVAL = Duration.ofSeconds(30);

    private final UpstreamClient client;
    private final ServicesSettings settings;
    private final FeedListener listener;
    private final Clock clock;
    private final Backoff backoff;
    private final ScheduledExecutorService timer;
    private final ExecutorService requests;
    private final Map<UpstreamService, CircuitBreaker> breakers = new EnumMap<>(UpstreamService.class);
    private final Map<UpstreamService, HealthTracker> trackers = new EnumMap<>(UpstreamService.class);
    private final Map<UpstreamService, ServiceHealth> lastPublished = new ConcurrentHashMap<>();
    private final Map<String, List<PollJob>> symbolJobs = new ConcurrentHashMap<>();
    private final List<PollJob> serviceJobs = new ArrayList<>();
    private final Duration tradesLookback;
    private final int barsCount;
    private final boolean ownsThreads;
    private volatile boolean closed;
    private List<String> watched = List.of();
    private Set<String> exposed = Set.of();

    /**
     * @param tradesLookback how far back to ask for closed trades (the payoff window)
     * @param barsCount      how many daily bars to ask for (correlation lookback + 1)
     */
    public FeedPoller(UpstreamClient client, ServicesSettings settings, FeedListener listener, Clock clock,
                      DoubleSupplier random, Duration tradesLookback, int barsCount) {
        this(client, settings, listener, clock, random, tradesLookback, barsCount, ownThreads(), true);
    }

    /** A poller on threads it is given (and does not shut down): the desk's, owned by its thread owner. */
    public FeedPoller(UpstreamClient client, ServicesSettings settings, FeedListener listener, Clock clock,
                      DoubleSupplier random, Duration tradesLookback, int barsCount, PollThreads threads) {
        this(client, settings, listener, clock, random, tradesLookback, barsCount, threads, false);
    }

    private FeedPoller(UpstreamClient client, ServicesSettings settings, FeedListener listener, Clock clock,
                       DoubleSupplier random, Duration tradesLookback, int barsCount, PollThreads threads, boolean ownsThreads) {
        this.client = client;
        this.settings = settings;
        this.listener = listener;
        this.clock = clock;
        this.backoff = new Backoff(settings.maxBackoff(), random);
        this.tradesLookback = tradesLookback;
        this.barsCount = barsCount;
        this.timer = threads.timer();
        this.requests = threads.requests();
        this.ownsThreads = ownsThreads;
        for (UpstreamService service : UpstreamService.values()) {
            CircuitBreaker breaker = new CircuitBreaker(settings.failuresToOpen(), settings.circuitCooldown(), clock);
            breakers.put(service, breaker);
            trackers.put(service, new HealthTracker(service, breaker, clock));
        }
    }

    /** Starts the service-wide polls; symbols come from the market-data symbol list (and {@link #track}). */
    public synchronized void start() {
        serviceJobs.add(new PollJob(UpstreamService.MARKET_DATA, "/symbols", "", SYMBOLS_INTERVAL, client::symbols,
                this::deliverSymbols));
        serviceJobs.add(new PollJob(UpstreamService.TRADING_ENGINE, "/account", "", settings.accountPollInterval(),
                client::account, listener::onAccount));
        // Orders first, then positions, delivered together: a fill between the two answers is counted twice for one
        // poll (held and working), never in neither. The job's health is the positions answer's.
        // the job never overlaps itself, so the orders answer of the running poll can wait here for its delivery
        java.util.concurrent.atomic.AtomicReference<FeedResult<List<io.kellydesk.core.EngineOrder>>> ordersOfThisPoll =
                new java.util.concurrent.atomic.AtomicReference<>();
        serviceJobs.add(new PollJob(UpstreamService.TRADING_ENGINE, "/positions", "", settings.accountPollInterval(),
                () -> {
                    ordersOfThisPoll.set(client.orders(startOfTradingDay(clock.instant())));
                    return client.positions();
                }, positions -> {
                    FeedResult<List<io.kellydesk.core.EngineOrder>> orders = ordersOfThisPoll.getAndSet(null);
                    // no orders answer in this poll (the circuit was open): an old one must not look new
                    listener.onExposure(orders != null ? orders : new FeedResult.Failed<>(FeedFailure.of(FeedFailure.Kind.CIRCUIT_OPEN,
                            "not asked"), Duration.ZERO), positions);
                }));
        for (UpstreamService service : UpstreamService.values()) {
            if (client.isConfigured(service)) {
                serviceJobs.add(new PollJob(service, "/health", "", settings.healthPollInterval(), () -> client.health(service),
                        answer -> recordHealth(service, answer)));
            } else {
                trackers.get(service).record(new FeedResult.Failed<>(FeedFailure.of(FeedFailure.Kind.NOT_CONFIGURED,
                        "no base URL configured"), Duration.ZERO));
                publishHealth(service);
            }
        }
        serviceJobs.forEach(job -> job.schedule(Duration.ZERO));
    }

    /** The start of the engine's trading day, taken as midnight UTC (the contract's default for {@code since}). */
    static java.time.Instant startOfTradingDay(java.time.Instant now) {
        return now.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
    }

    private void deliverSymbols(FeedResult<List<String>> result) {
        if (result instanceof FeedResult.Ok<List<String>> ok) {
            track(ok.value());
            listener.onSymbols(ok.value());
        }
    }

    /** Polls exactly these symbols (all inputs) from now on: new ones start at once, dropped ones stop. */
    public synchronized void track(List<String> symbols) {
        watched = List.copyOf(symbols);
        retrack();
    }

    /**
     * Symbols the desk holds or has working: their quote, trade history and bars are polled whether or not the
     * symbol list names them (their risk enters every other symbol's portfolio check). Predictions are not.
     */
    public synchronized void trackExposure(Set<String> symbols) {
        exposed = Set.copyOf(symbols);
        retrack();
    }

    private void retrack() {
        if (closed) {
            return;
        }
        java.util.Map<String, Boolean> wanted = new java.util.LinkedHashMap<>();
        watched.forEach(s -> wanted.put(s, true));
        exposed.forEach(s -> wanted.putIfAbsent(s, false));
        symbolJobs.keySet().removeIf(key -> {
            String symbol = key.substring(2);
            Boolean predictions = wanted.get(symbol);
            if (predictions == null || predictions != key.startsWith("P|")) {
                symbolJobs.get(key).forEach(PollJob::cancel);
                return true;
            }
            return false;
        });
        wanted.forEach((symbol, predictions) -> symbolJobs.computeIfAbsent((predictions ? "P|" : "X|") + symbol,
                key -> jobsFor(symbol, predictions)));
    }

    private List<PollJob> jobsFor(String symbol, boolean withPredictions) {
        List<PollJob> jobs = new ArrayList<>();
        if (withPredictions) {
            for (ModelId model : ModelId.values()) {
                jobs.add(new PollJob(UpstreamService.of(model), "/predict", symbol, settings.predictionPollInterval(),
                        () -> client.prediction(model, symbol), r -> listener.onPrediction(model, symbol, r)));
            }
        }
        jobs.addAll(List.of(
                new PollJob(UpstreamService.MARKET_DATA, "/quote", symbol, settings.quotePollInterval(),
                        () -> client.quote(symbol), r -> listener.onQuote(symbol, r)),
                new PollJob(UpstreamService.MARKET_DATA, "/bars", symbol, settings.tradesPollInterval(),
                        () -> client.dailyBars(symbol, barsCount), r -> listener.onBars(symbol, r)),
                new PollJob(UpstreamService.TRADING_ENGINE, "/trades", symbol, settings.tradesPollInterval(),
                        () -> client.trades(symbol, clock.instant().minus(tradesLookback)), r -> listener.onTrades(symbol, r))));
        jobs.forEach(job -> job.schedule(Duration.ZERO));
        return List.copyOf(jobs);
    }

    private void recordHealth(UpstreamService service, FeedResult<ContractParser.HealthAnswer> answer) {
        if (answer instanceof FeedResult.Ok<ContractParser.HealthAnswer> ok) {
            trackers.get(service).recordHealthAnswer(ok.value().status(), ok.value().detail());
        }
        publishHealth(service);
    }

    /**
     * Tells the listener when a service's state or circuit changed. Called after every request, so it compares the
     * cheap state first and builds the full snapshot (which sorts the latency window) only on a change.
     */
    private void publishHealth(UpstreamService service) {
        HealthTracker tracker = trackers.get(service);
        ServiceState state = tracker.currentState();
        ServiceHealth.CircuitState circuit = breakers.get(service).state();
        ServiceHealth before = lastPublished.get(service);
        if (before != null && before.state() == state && before.circuit() == circuit) {
            return;
        }
        ServiceHealth now = tracker.snapshot();
        lastPublished.put(service, now);
        listener.onHealth(now);
    }

    /** The latest figures of every service, for the Health view. */
    public List<ServiceHealth> health() {
        List<ServiceHealth> all = new ArrayList<>();
        trackers.values().forEach(t -> all.add(t.snapshot()));
        return all;
    }

    public ServiceHealth health(UpstreamService service) {
        return trackers.get(service).snapshot();
    }

    /** Cancels every poll; an answer in flight is dropped. Any thread; shuts down only threads it made itself. */
    @Override
    public synchronized void close() {
        closed = true;
        serviceJobs.forEach(PollJob::cancel);
        symbolJobs.values().forEach(jobs -> jobs.forEach(PollJob::cancel));
        if (ownsThreads) {
            timer.shutdownNow();
            requests.shutdownNow();
        }
    }

    /** Threads for a poller built on its own (tests, tools): it created them, so it closes them. */
    private static PollThreads ownThreads() {
        return new PollThreads(Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kd-poll-timer");
            t.setDaemon(true);
            return t;
        }), Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("kd-poll-", 0).factory()));
    }

    /** One repeating request; reschedules itself after each answer, so it never overlaps with itself. */
    private final class PollJob {
        private final UpstreamService service;
        private final String name;
        private final String symbol;
        private final Duration interval;
        private final Supplier<? extends FeedResult<?>> call;
        private final java.util.function.Consumer<FeedResult<Object>> deliver;
        private volatile boolean cancelled;
        private int consecutiveFailures;

        @SuppressWarnings("unchecked")
        /**
         * @param name   the contract's path ("/quote"): the health window counts per endpoint
         * @param symbol the symbol asked about, or "" for a service-wide request
         */
        <T> PollJob(UpstreamService service, String name, String symbol, Duration interval, Supplier<FeedResult<T>> call,
                    java.util.function.Consumer<FeedResult<T>> deliver) {
            this.service = service;
            this.name = name;
            this.symbol = symbol;
            this.interval = interval;
            this.call = call;
            this.deliver = r -> deliver.accept((FeedResult<T>) (FeedResult<?>) r);
        }

        void schedule(Duration delay) {
            if (cancelled || closed) {
                return;
            }
            try {
                timer.schedule(() -> requests.execute(this::run), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // closing
            }
        }

        void cancel() {
            cancelled = true;
        }

        @SuppressWarnings("unchecked")
        private void run() {
            if (cancelled || closed) {
                return;
            }
            CircuitBreaker breaker = breakers.get(service);
            FeedResult<Object> result;
            if (!breaker.tryAcquire()) {
                result = new FeedResult.Failed<>(FeedFailure.of(FeedFailure.Kind.CIRCUIT_OPEN,
                        service.displayName() + " circuit open after repeated failures; next probe in "
                                + breaker.untilProbe().toSeconds() + " s"), Duration.ZERO);
                safeDeliver(result);
                schedule(max(interval, breaker.untilProbe()));
                return;
            }
            try {
                result = (FeedResult<Object>) call.get();
            } catch (RuntimeException e) {
                // A bug in parsing must not kill the poll loop: report it as a malformed answer.
                LOG.error("Poll {} {} failed unexpectedly", service, name, e);
                result = new FeedResult.Failed<>(FeedFailure.of(FeedFailure.Kind.MALFORMED, "unexpected: " + e), Duration.ZERO);
            }
            if (closed) {
                return;
            }
            HealthTracker tracker = trackers.get(service);
            HealthTracker.Scope scope = tracker.record(name, symbol, result);
            Optional<Duration> retryAfter = Optional.empty();
            boolean authentication = false;
            if (result instanceof FeedResult.Failed<Object> failed) {
                FeedFailure failure = failed.failure();
                retryAfter = failure.retryAfter();
                authentication = failure.kind().isAuthentication();
                // the service's breaker counts the service's failures only; one symbol's error answers back off
                // that symbol's own requests (this job's back-off), never every symbol's
                if (scope == HealthTracker.Scope.SERVICE) {
                    breaker.onFailure();
                }
                consecutiveFailures++;
            } else {
                breaker.onSuccess();
                consecutiveFailures = 0;
            }
            publishHealth(service);
            safeDeliver(result);
            Duration next = authentication ? max(settings.maxBackoff(), interval)
                    : backoff.delay(interval, consecutiveFailures, retryAfter);
            schedule(next);
        }

        private void safeDeliver(FeedResult<Object> result) {
            if (closed) {
                return; // an answer that arrived after close: nobody is listening any more
            }
            try {
                deliver.accept(result);
            } catch (RuntimeException e) {
                LOG.error("Listener failed on {} {}", service, name, e);
            }
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
