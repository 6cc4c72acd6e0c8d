package io.kellydesk.core;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the upstream services are and how the desk polls them ({@code services} in the settings file).
 *
 * @param endpoints         base URL and optional bearer token per service; a service without one is not configured
 * @param failuresToOpen    consecutive failures that open a service's circuit breaker
 * @param circuitCooldown   how long an open circuit waits before one probe request
 * @param maxBackoff        longest wait between retries of a failing request
 */
public record ServicesSettings(Map<UpstreamService, Endpoint> endpoints,
                               Duration connectTimeout, Duration readTimeout, Duration callTimeout,
                               Duration predictionPollInterval, Duration quotePollInterval,
                               Duration accountPollInterval, Duration tradesPollInterval,
                               Duration healthPollInterval, int failuresToOpen, Duration circuitCooldown,
                               Duration maxBackoff) {

    /** @param token bearer token, or empty for none */
    public record Endpoint(String baseUrl, Optional<String> token) {
        public Endpoint {
            Objects.requireNonNull(baseUrl, "baseUrl");
            token = token == null ? Optional.empty() : token.filter(t -> !t.isBlank());
        }
    }

    public ServicesSettings {
        endpoints = Map.copyOf(endpoints);
        Objects.requireNonNull(connectTimeout);
        Objects.requireNonNull(readTimeout);
        Objects.requireNonNull(callTimeout);
    }

    /**
     * The defaults: 1 s predictions and quotes, 5 s account, positions and working orders, 2 min trades and bars;
     * each well inside its age limit (60 s and 600 s), so one failed poll never ages an input out.
     */
    public static ServicesSettings defaults() {
        return new ServicesSettings(Map.of(), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMinutes(2),
                Duration.ofSeconds(5), 5, Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    public boolean anyConfigured() {
        return !endpoints.isEmpty();
    }

    public ServicesSettings withEndpoints(Map<UpstreamService, Endpoint> newEndpoints) {
        return new ServicesSettings(new EnumMap<>(newEndpoints), connectTimeout, readTimeout, callTimeout,
                predictionPollInterval, quotePollInterval, accountPollInterval, tradesPollInterval, healthPollInterval,
                failuresToOpen, circuitCooldown, maxBackoff);
    }

    public ServicesSettings withPollIntervals(Duration predictions, Duration quotes, Duration account, Duration trades, Duration health) {
        return new ServicesSettings(endpoints, connectTimeout, readTimeout, callTimeout, predictions, quotes, account, trades,
                health, failuresToOpen, circuitCooldown, maxBackoff);
    }

    public ServicesSettings withResilience(int failures, Duration cooldown, Duration backoffCap) {
        return new ServicesSettings(endpoints, connectTimeout, readTimeout, callTimeout, predictionPollInterval,
                quotePollInterval, accountPollInterval, tradesPollInterval, healthPollInterval, failures, cooldown, backoffCap);
    }

    public ServicesSettings withTimeouts(Duration connect, Duration read, Duration call) {
        return new ServicesSettings(endpoints, connect, read, call, predictionPollInterval, quotePollInterval,
                accountPollInterval, tradesPollInterval, healthPollInterval, failuresToOpen, circuitCooldown, maxBackoff);
    }
}
