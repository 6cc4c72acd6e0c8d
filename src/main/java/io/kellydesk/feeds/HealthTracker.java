package io.kellydesk.feeds;

import io.kellydesk.core.ServiceHealth;
import io.kellydesk.core.ServiceState;
import io.kellydesk.core.UpstreamService;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * What one service's requests showed over the last {@value #WINDOW} requests: success rate, latency
 * percentiles, last error; combined with its own /health answer and its circuit breaker into a state.
 */
public final class HealthTracker {

    static final int WINDOW = 512;

    private final UpstreamService service;
    private final CircuitBreaker breaker;
    private final Clock clock;
    private final double[] latenciesMs = new double[WINDOW];
    private final boolean[] successes = new boolean[WINDOW];
    private int recorded;
    private long requests;
    private String reportedStatus = "";
    private String detail = "";
    private Optional<String> lastError = Optional.empty();
    private Optional<Instant> lastErrorAt = Optional.empty();
    private Optional<Instant> lastSuccessAt = Optional.empty();
    private boolean authenticationRefused;
    private boolean notConfigured;
    private boolean lastFailed;

    public HealthTracker(UpstreamService service, CircuitBreaker breaker, Clock clock) {
        this.service = service;
        this.breaker = breaker;
        this.clock = clock;
    }

    public synchronized void record(FeedResult<?> result) {
        int slot = (int) (requests % WINDOW);
        requests++;
        recorded = (int) Math.min(WINDOW, requests);
        latenciesMs[slot] = result.latency().toNanos() / 1e6;
        successes[slot] = result.isOk();
        if (result instanceof FeedResult.Failed<?> failed) {
            lastFailed = true;
            lastError = Optional.of(failed.failure().toString());
            lastErrorAt = Optional.of(clock.instant());
            authenticationRefused = failed.failure().kind().isAuthentication();
            notConfigured = failed.failure().kind() == FeedFailure.Kind.NOT_CONFIGURED;
        } else {
            lastFailed = false;
            authenticationRefused = false;
            notConfigured = false;
            lastSuccessAt = Optional.of(clock.instant());
        }
    }

    /** The service's own word on its health, from /health. */
    public synchronized void recordHealthAnswer(String status, String serviceDetail) {
        reportedStatus = status;
        detail = serviceDetail;
    }

    public synchronized ServiceHealth snapshot() {
        double[] window = Arrays.copyOf(latenciesMs, recorded);
        Arrays.sort(window);
        int ok = 0;
        for (int i = 0; i < recorded; i++) {
            ok += successes[i] ? 1 : 0;
        }
        return new ServiceHealth(service, state(), reportedStatus, detail, requests, recorded == 0 ? 0 : (double) ok / recorded,
                percentile(window, 0.50), percentile(window, 0.95), percentile(window, 0.99), lastError, lastErrorAt,
                lastSuccessAt, breaker.state());
    }

    /** The state alone: cheap, no sorting; for deciding whether anything changed. */
    public synchronized ServiceState currentState() {
        return state();
    }

    private ServiceState state() {
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
        if (lastFailed || reportedStatus.equals("degraded")) {
            return ServiceState.DEGRADED;
        }
        return ServiceState.OK;
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
