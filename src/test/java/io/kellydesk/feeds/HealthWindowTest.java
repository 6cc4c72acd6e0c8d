package io.kellydesk.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.kellydesk.core.ServiceHealth;
import io.kellydesk.core.ServiceState;
import io.kellydesk.core.UpstreamService;
import io.kellydesk.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A service's health from a window of its requests, with hysteresis (hold 3 s to worsen, 10 s to improve) and the
 * scope of each failure: the service's, or one symbol's while the endpoint serves the others (hand-moved clock).
 */
class HealthWindowTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T14:30:00Z"));
    private final CircuitBreaker breaker = new CircuitBreaker(5, Duration.ofSeconds(10), clock);
    private final HealthTracker tracker = new HealthTracker(UpstreamService.TRADING_ENGINE, breaker, clock);

    private static FeedResult<String> ok() {
        return new FeedResult.Ok<>("x", Duration.ofMillis(2));
    }

    private static FeedResult<String> failed(FeedFailure.Kind kind, String message) {
        return new FeedResult.Failed<>(FeedFailure.of(kind, message), Duration.ofMillis(2));
    }

    /** One second of polling: NQ, ES and CL trades (NQ's answer as given), then the account. */
    private List<HealthTracker.Scope> second(FeedResult<String> nqTrades) {
        List<HealthTracker.Scope> scopes = new ArrayList<>();
        scopes.add(tracker.record("/trades", "ESZ26-CME", ok()));
        scopes.add(tracker.record("/trades", "NQZ26-CME", nqTrades));
        scopes.add(tracker.record("/trades", "CLF27-NYMEX", ok()));
        scopes.add(tracker.record("/account", "", ok()));
        clock.advance(Duration.ofSeconds(1));
        return scopes;
    }

    @Test
    void oneSymbolsErrorAnswersAreItsOwnAndTurnTheLightAmberOnlyWhenTheyPersist() {
        List<ServiceState> seen = new ArrayList<>();
        for (int s = 0; s < 29; s++) {
            // every other second NQ's /trades answers 500: a flapping fault of one symbol
            List<HealthTracker.Scope> scopes = second(s % 2 == 0 ? failed(FeedFailure.Kind.SERVER_ERROR, "db lock") : ok());
            assertThat(scopes).doesNotContain(HealthTracker.Scope.SERVICE);
            seen.add(tracker.currentState());
        }
        assertThat(seen).as("no flapping light").containsOnly(ServiceState.OK);
        // then it fails on every request: after 30 s it is a persistent fault, shown amber with the count in words
        for (int s = 0; s < 35; s++) {
            second(failed(FeedFailure.Kind.SERVER_ERROR, "db lock"));
            tracker.currentState(); // the poller asks after every request
        }
        ServiceHealth health = tracker.snapshot();
        assertThat(health.state()).isEqualTo(ServiceState.DEGRADED);
        // its run of failures began with the flapping phase's last failure (second 28); the snapshot is at second 64
        assertThat(health.failing()).contains("/trades failing for 1 symbol (NQZ26-CME) for 36 s; the others are served");
        assertThat(health.failuresOf("NQZ26-CME")).singleElement().asString().startsWith("/trades: SERVER_ERROR: db lock");
        assertThat(health.failuresOf("ESZ26-CME")).isEmpty();
        assertThat(breaker.state()).as("the breaker counted none of it").isEqualTo(ServiceHealth.CircuitState.CLOSED);
        assertThat(health.endpoints()).anySatisfy(e -> {
            assertThat(e.endpoint()).isEqualTo("/trades");
            assertThat(e.failingSymbols()).containsOnlyKeys("NQZ26-CME");
        });
    }

    @Test
    void errorsAcrossEverySymbolAreTheServices() {
        tracker.record("/trades", "ESZ26-CME", failed(FeedFailure.Kind.SERVER_ERROR, "down"));
        assertThat(tracker.record("/trades", "NQZ26-CME", failed(FeedFailure.Kind.SERVER_ERROR, "down")))
                .as("nobody is served: the service's failure").isEqualTo(HealthTracker.Scope.SERVICE);
        assertThat(tracker.record("/account", "", failed(FeedFailure.Kind.SERVER_ERROR, "down"))).isEqualTo(HealthTracker.Scope.SERVICE);
        assertThat(tracker.record("/trades", "NQZ26-CME", failed(FeedFailure.Kind.TIMEOUT, "slow"))).isEqualTo(HealthTracker.Scope.SERVICE);
        assertThat(tracker.record("/trades", "NQZ26-CME", failed(FeedFailure.Kind.NOT_FOUND, "unknown symbol"))).isEqualTo(HealthTracker.Scope.NONE);
    }

    @Test
    void theLightHoldsThreeSecondsBeforeWorseningAndTenBeforeImproving() {
        second(ok());
        assertThat(tracker.currentState()).isEqualTo(ServiceState.OK);
        // a reset connection: amber only once it has held 3 s
        tracker.record("/account", "", failed(FeedFailure.Kind.CONNECTION, "reset"));
        assertThat(tracker.currentState()).isEqualTo(ServiceState.OK);
        clock.advance(Duration.ofSeconds(2));
        assertThat(tracker.currentState()).isEqualTo(ServiceState.OK);
        clock.advance(Duration.ofSeconds(1));
        assertThat(tracker.currentState()).isEqualTo(ServiceState.DEGRADED);
        assertThat(tracker.snapshot().failing()).startsWith("/account failing: CONNECTION: reset");
        // the failure (14:30:01) counts for 15 s, to 14:30:16 inclusive; from 14:30:17 the raw state is OK, and the
        // light follows after holding 10 s, at 14:30:27
        while (clock.instant().isBefore(Instant.parse("2026-11-23T14:30:17Z"))) {
            second(ok());
        }
        assertThat(tracker.currentState()).isEqualTo(ServiceState.DEGRADED);
        for (int s = 0; s < 9; s++) {
            second(ok());
            assertThat(tracker.currentState()).isEqualTo(ServiceState.DEGRADED);
        }
        second(ok());
        assertThat(tracker.currentState()).isEqualTo(ServiceState.OK);
    }

    @Test
    void anOpenBreakerIsDownAtOnce() {
        second(ok());
        for (int i = 0; i < 5; i++) {
            breaker.onFailure();
        }
        assertThat(tracker.currentState()).isEqualTo(ServiceState.DOWN);
    }
}
