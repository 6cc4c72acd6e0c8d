package io.kellydesk.feeds;

import io.kellydesk.core.ServiceHealth;
import io.kellydesk.core.ServiceState;
import io.kellydesk.core.UpstreamService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One service's health from its recent requests (the last {@value #WINDOW_SECONDS} s), its own /health answer and
 * its circuit breaker, with hysteresis: a state must hold {@link #HOLD_TO_WORSEN} (worse) or {@link #HOLD_TO_IMPROVE}
 * (better) before the light changes, so one bad answer does not flip it and re-size the desk.
 *
 * <p>A failure belongs to the service (a refused or reset connection, a timeout, a 503, or error answers across
 * symbols) or to one symbol (an error answer for it while the same endpoint serves other symbols). Only the first
 * kind counts toward the breaker and turns the light amber at once; one symbol's failures turn it amber only when they
 * persist ({@link #SYMBOL_PERSISTS}), and say so in words.
 */
public final class HealthTracker {

    static final int WINDOW_SECONDS = 60;
    static final Duration HOLD_TO_WORSEN = Duration.ofSeconds(3);
    static final Duration HOLD_TO_IMPROVE = Duration.ofSeconds(10);
    static final Duration SYMBOL_PERSISTS = Duration.ofSeconds(30);
    /** Service-level failures this recent keep the light amber. */
    static final Duration RECENT = Duration.ofSeconds(15);
    /** How long a symbol's run of failures is remembered without a new request: past the slowest poll's back-off. */
    static final Duration STREAK_RETENTION = Duration.ofMinutes(15);
    private static final int LATENCY_WINDOW = 512;
    /**
     * At most this many requests are kept for the per-endpoint figures: 500 symbols polled every second would keep
     * ~120,000 in 60 s. The state itself never scans them (see {@link #lastServiceFailure}, {@link #lastSuccess}).
     */
    static final int WINDOW_MAX_REQUESTS = 20_000;

    private final UpstreamService service;
    private final CircuitBreaker breaker;
    private final Clock clock;
    private final double[] latenciesMs = new double[LATENCY_WINDOW];
    private final Deque<Outcome> window = new ArrayDeque<>();
    /** endpoint → symbol → when its current run of failures began, and its last error. */
    private final Map<String, Map<String, Streak>> failingSymbols = new HashMap<>();
    /** endpoint ("" for service-wide requests) → the last service-scoped failure there: the state asks it per request. */
    private final Map<String, Instant> lastServiceFailure = new HashMap<>();
    /** endpoint → its last two successes for distinct symbols: whether it "serves others" is then O(1). */
    private final Map<String, Served> lastSuccess = new HashMap<>();
    private int recorded;
    private long requests;
    private long connectionFailures;
    private String reportedStatus = "";
    private String detail = "";
    private Optional<String> lastError = Optional.empty();
    private Optional<Instant> lastErrorAt = Optional.empty();
    private Optional<Instant> lastSuccessAt = Optional.empty();
    private boolean authenticationRefused;
    private boolean notConfigured;
    private ServiceState published = ServiceState.UNKNOWN;
    private ServiceState pending;
    private Instant pendingSince;

    /** Which of a request's failures the service owns. */
    public enum Scope { NONE, SERVICE, SYMBOL }

    private record Outcome(Instant at, String endpoint, boolean ok, String error) {
    }

    private record Streak(Instant since, Instant last, String error) {
    }

    /** The newest success of an endpoint and the newest one for a different symbol before it. */
    private record Served(String symbol, Instant at, String otherSymbol, Instant otherAt) {
        Served after(String newSymbol, Instant newAt) {
            return newSymbol.equals(symbol) ? new Served(symbol, newAt, otherSymbol, otherAt) : new Served(newSymbol, newAt, symbol, at);
        }
    }

    public HealthTracker(UpstreamService service, CircuitBreaker breaker, Clock clock) {
        this.service = service;
        this.breaker = breaker;
        this.clock = clock;
    }

    /** A request not tied to one endpoint or symbol (tests, the not-configured marker). */
    public synchronized Scope record(FeedResult<?> result) {
        return record("", "", result);
    }

    /**
     * Records one request's outcome.
     *
     * @param endpoint the contract's path ("/quote")
     * @param symbol   the symbol it asked about, or "" for a service-wide request
     * @return whose failure it was: the service's (counts toward its breaker), the symbol's (backs off that symbol's
     *         requests only), or none
     */
    public synchronized Scope record(String endpoint, String symbol, FeedResult<?> result) {
        Instant now = clock.instant();
        latenciesMs[(int) (requests % LATENCY_WINDOW)] = result.latency().toNanos() / 1e6;
        requests++;
        recorded = (int) Math.min(LATENCY_WINDOW, requests);
        Scope scope = Scope.NONE;
        String error = "";
        if (result instanceof FeedResult.Failed<?> failed) {
            FeedFailure failure = failed.failure();
            error = failure.toString();
            lastError = Optional.of(error);
            lastErrorAt = Optional.of(now);
            authenticationRefused = failure.kind().isAuthentication();
            notConfigured = failure.kind() == FeedFailure.Kind.NOT_CONFIGURED;
            scope = scopeOf(failure, endpoint, symbol, now);
            if (failure.kind() == FeedFailure.Kind.CONNECTION) {
                connectionFailures++;
            }
            if (scope == Scope.SERVICE) {
                lastServiceFailure.put(endpoint, now);
            }
            if (scope == Scope.SYMBOL) {
                failingSymbols.computeIfAbsent(endpoint, e -> new TreeMap<>()).compute(symbol,
                        (s, streak) -> new Streak(streak == null ? now : streak.since(), now, failure.toString()));
            }
        } else {
            authenticationRefused = false;
            notConfigured = false;
            lastSuccessAt = Optional.of(now);
            lastSuccess.compute(endpoint, (e, served) -> served == null ? new Served(symbol, now, null, null) : served.after(symbol, now));
            Map<String, Streak> failing = failingSymbols.get(endpoint);
            if (failing != null) {
                failing.remove(symbol);
            }
        }
        window.addLast(new Outcome(now, endpoint, result.isOk(), error));
        if (window.size() > WINDOW_MAX_REQUESTS) {
            window.removeFirst();
        }
        prune(now);
        return scope;
    }

    private Scope scopeOf(FeedFailure failure, String endpoint, String symbol, Instant now) {
        return switch (failure.kind()) {
            case NOT_FOUND, NOT_CONFIGURED, CIRCUIT_OPEN -> Scope.NONE; // an unknown symbol; nothing asked
            case TIMEOUT, CONNECTION, UNAVAILABLE, AUTHENTICATION -> Scope.SERVICE;
            default -> symbol.isEmpty() || !servesOthers(endpoint, symbol, now) ? Scope.SERVICE : Scope.SYMBOL;
        };
    }

    /** Whether the endpoint answered another symbol well within the window: then this one's error is its own. */
    private boolean servesOthers(String endpoint, String symbol, Instant now) {
        Served served = lastSuccess.get(endpoint);
        if (served == null) {
            return false;
        }
        Instant since = now.minusSeconds(WINDOW_SECONDS);
        Instant otherAt = served.symbol().equals(symbol) ? served.otherAt() : served.at();
        return otherAt != null && !otherAt.isBefore(since);
    }

    private void prune(Instant now) {
        Instant since = now.minusSeconds(WINDOW_SECONDS);
        while (!window.isEmpty() && window.peekFirst().at().isBefore(since)) {
            window.removeFirst();
        }
        // A run of failures ends with the symbol's next success. One not asked about for STREAK_RETENTION (dropped from
        // the list) is forgotten; slow endpoints (trades, bars: minutes apart) keep their runs across the window.
        Instant forgotten = now.minus(STREAK_RETENTION);
        failingSymbols.values().forEach(m -> m.values().removeIf(streak -> streak.last().isBefore(forgotten)));
    }

    /** The service's own word on its health, from /health. */
    public synchronized void recordHealthAnswer(String status, String serviceDetail) {
        reportedStatus = status;
        detail = serviceDetail;
    }

    public synchronized ServiceHealth snapshot() {
        ServiceState state = currentState();
        double[] sorted = Arrays.copyOf(latenciesMs, recorded);
        Arrays.sort(sorted);
        int ok = 0;
        for (Outcome o : window) {
            ok += o.ok() ? 1 : 0;
        }
        double successRate = window.isEmpty() ? (requests == 0 ? 0 : 1) : (double) ok / window.size();
        return new ServiceHealth(service, state, reportedStatus, detail, requests, successRate,
                percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99), lastError, lastErrorAt,
                lastSuccessAt, breaker.state(), failingWords(clock.instant()), endpoints(), connectionFailures);
    }

    /** The published state (with hysteresis); cheap enough to ask after every request. */
    public synchronized ServiceState currentState() {
        Instant now = clock.instant();
        prune(now);
        ServiceState raw = rawState(now);
        if (raw == published) {
            pending = null;
            return published;
        }
        boolean immediate = published == ServiceState.UNKNOWN || raw == ServiceState.NOT_CONFIGURED
                || raw == ServiceState.AUTH_FAILED || published == ServiceState.NOT_CONFIGURED || published == ServiceState.AUTH_FAILED
                || (raw == ServiceState.DOWN && breaker.state() != ServiceHealth.CircuitState.CLOSED);
        if (immediate) {
            published = raw;
            pending = null;
            return published;
        }
        if (raw != pending) {
            pending = raw;
            pendingSince = now;
        }
        Duration hold = rank(raw) > rank(published) ? HOLD_TO_WORSEN : HOLD_TO_IMPROVE;
        if (Duration.between(pendingSince, now).compareTo(hold) >= 0) {
            published = raw;
            pending = null;
        }
        return published;
    }

    private ServiceState rawState(Instant now) {
        if (requests == 0 && reportedStatus.isEmpty()) {
            return ServiceState.UNKNOWN;
        }
        if (notConfigured) {
            return ServiceState.NOT_CONFIGURED;
        }
        if (authenticationRefused) {
            return ServiceState.AUTH_FAILED;
        }
        if (breaker.state() != ServiceHealth.CircuitState.CLOSED || reportedStatus.equals("down")) {
            return ServiceState.DOWN;
        }
        if (reportedStatus.equals("degraded") || recentServiceFailure(now) || !persistentSymbolFailures(now).isEmpty()) {
            return ServiceState.DEGRADED;
        }
        return ServiceState.OK;
    }

    private static int rank(ServiceState s) {
        return switch (s) {
            case OK -> 0;
            case UNKNOWN -> 1;
            case DEGRADED -> 2;
            case DOWN, AUTH_FAILED, NOT_CONFIGURED -> 3;
        };
    }

    private boolean recentServiceFailure(Instant now) {
        Instant since = now.minus(RECENT);
        for (Instant at : lastServiceFailure.values()) {
            if (!at.isBefore(since)) {
                return true;
            }
        }
        return false;
    }

    /** endpoint → symbols failing there for at least {@link #SYMBOL_PERSISTS}. */
    private Map<String, List<String>> persistentSymbolFailures(Instant now) {
        Map<String, List<String>> persistent = new TreeMap<>();
        failingSymbols.forEach((endpoint, symbols) -> symbols.forEach((symbol, streak) -> {
            if (Duration.between(streak.since(), now).compareTo(SYMBOL_PERSISTS) >= 0) {
                persistent.computeIfAbsent(endpoint, e -> new ArrayList<>()).add(symbol);
            }
        }));
        return persistent;
    }

    /** What fails, in words: "/trades failing for 1 symbol for 45 s (NQZ26-CME)", or the service-wide error. */
    private String failingWords(Instant now) {
        List<String> parts = new ArrayList<>();
        if (recentServiceFailure(now)) {
            Map<String, Integer> byEndpoint = new TreeMap<>();
            lastServiceFailure.forEach((endpoint, at) -> {
                if (!at.isBefore(now.minus(RECENT))) {
                    byEndpoint.put(endpoint.isEmpty() ? "requests" : endpoint, 1);
                }
            });
            parts.add(String.join(", ", byEndpoint.keySet()) + " failing: " + lastError.orElse(""));
        }
        failingSymbols.forEach((endpoint, symbols) -> {
            if (!symbols.isEmpty()) {
                long longest = symbols.values().stream().mapToLong(s -> Duration.between(s.since(), now).toSeconds()).max().orElse(0);
                parts.add(endpoint + " failing for " + symbols.size() + (symbols.size() == 1 ? " symbol" : " symbols")
                        + " (" + String.join(", ", symbols.keySet()) + ") for " + longest + " s; the others are served");
            }
        });
        return String.join(" · ", parts);
    }

    private List<ServiceHealth.EndpointHealth> endpoints() {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, String> lastErrors = new HashMap<>();
        for (Outcome o : window) {
            if (o.endpoint().isEmpty()) {
                continue;
            }
            int[] c = counts.computeIfAbsent(o.endpoint(), e -> new int[2]);
            c[0]++;
            c[1] += o.ok() ? 1 : 0;
            if (!o.ok()) {
                lastErrors.put(o.endpoint(), o.error());
            }
        }
        List<ServiceHealth.EndpointHealth> rows = new ArrayList<>();
        counts.forEach((endpoint, c) -> {
            Map<String, String> symbols = new TreeMap<>();
            failingSymbols.getOrDefault(endpoint, Map.of()).forEach((symbol, streak) -> symbols.put(symbol, streak.error()));
            rows.add(new ServiceHealth.EndpointHealth(endpoint, c[0], (double) c[1] / c[0], symbols,
                    Optional.ofNullable(lastErrors.get(endpoint))));
        });
        return rows;
    }

    /** Nearest-rank percentile of sorted values. */
    static Optional<Double> percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Optional.empty();
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return Optional.of(sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))]);
    }
}
