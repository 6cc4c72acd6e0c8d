package io.kellydesk.feeds;

import io.kellydesk.tasks.Backoff;
import static org.assertj.core.api.Assertions.assertThat;

import io.kellydesk.core.ServiceHealth;
import io.kellydesk.core.ServiceState;
import io.kellydesk.core.UpstreamService;
import io.kellydesk.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResilienceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T14:30:00Z"));

    @Test
    void backoffDoublesCapsJittersAndHonoursRetryAfter() {
        // random 0.5 → jitter factor 0.5 + 0.5 = 1.0 (no jitter)
        Backoff backoff = new Backoff(Duration.ofSeconds(30), () -> 0.5);
        Duration base = Duration.ofSeconds(1);
        assertThat(backoff.delay(base, 0, Optional.empty())).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(base, 1, Optional.empty())).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(base, 3, Optional.empty())).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.delay(base, 10, Optional.empty())).isEqualTo(Duration.ofSeconds(30)); // 1,024 s capped
        assertThat(backoff.delay(base, 1, Optional.of(Duration.ofSeconds(7)))).isEqualTo(Duration.ofSeconds(7));
        // jitter spans ±50 %: random 0 → ×0.5, random 0.999 → ×1.499
        assertThat(new Backoff(Duration.ofSeconds(30), () -> 0.0).delay(base, 2, Optional.empty())).isEqualTo(Duration.ofSeconds(2));
        assertThat(new Backoff(Duration.ofSeconds(30), () -> 0.999).delay(base, 2, Optional.empty())).isEqualTo(Duration.ofMillis(5996));
    }

    @Test
    void theBreakerOpensAfterConsecutiveFailuresAndProbesOnce() {
        CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10), clock);
        breaker.onFailure();
        breaker.onFailure();
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(ServiceHealth.CircuitState.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
        assertThat(breaker.untilProbe()).isEqualTo(Duration.ofSeconds(10));

        clock.advance(Duration.ofSeconds(10));
        assertThat(breaker.tryAcquire()).as("one probe").isTrue();
        assertThat(breaker.state()).isEqualTo(ServiceHealth.CircuitState.HALF_OPEN);
        assertThat(breaker.tryAcquire()).as("only one").isFalse();
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(ServiceHealth.CircuitState.OPEN);

        clock.advance(Duration.ofSeconds(10));
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onSuccess();
        assertThat(breaker.state()).isEqualTo(ServiceHealth.CircuitState.CLOSED);
        assertThat(breaker.consecutiveFailures()).isZero();
    }

    @Test
    void healthKeepsSuccessRateAndNearestRankPercentiles() {
        CircuitBreaker breaker = new CircuitBreaker(5, Duration.ofSeconds(10), clock);
        HealthTracker tracker = new HealthTracker(UpstreamService.LSTM, breaker, clock);
        assertThat(tracker.snapshot().state()).isEqualTo(ServiceState.UNKNOWN);
        // latencies 1 … 100 ms, every 4th a failure: success rate 75 %; p50 = 50, p95 = 95, p99 = 99 ms
        for (int ms = 1; ms <= 100; ms++) {
            tracker.record(ms % 4 == 0
                    ? new FeedResult.Failed<>(FeedFailure.of(FeedFailure.Kind.SERVER_ERROR, "boom"), Duration.ofMillis(ms))
                    : new FeedResult.Ok<>("x", Duration.ofMillis(ms)));
        }
        ServiceHealth health = tracker.snapshot();
        assertThat(health.successRate()).isEqualTo(0.75);
        assertThat(health.latencyP50Ms()).contains(50.0);
        assertThat(health.latencyP95Ms()).contains(95.0);
        assertThat(health.latencyP99Ms()).contains(99.0);
        assertThat(health.lastError()).contains("SERVER_ERROR: boom");
        assertThat(health.state()).isEqualTo(ServiceState.DEGRADED); // the last request failed
        tracker.record(new FeedResult.Failed<>(FeedFailure.of(FeedFailure.Kind.AUTHENTICATION, "401"), Duration.ZERO));
        assertThat(tracker.snapshot().state()).isEqualTo(ServiceState.AUTH_FAILED);
    }

    @Test
    void retryAfterParsesSecondsAndDates() {
        assertThat(UpstreamHttp.retryAfter("12")).contains(Duration.ofSeconds(12));
        assertThat(UpstreamHttp.retryAfter("soon")).isEmpty();
        assertThat(UpstreamHttp.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO); // in the past
    }
}
