package io.kellydesk.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the desk knows about one upstream service: its own /health answer and what the desk observed.
 *
 * @param successRate    fraction of the recent requests that gave usable data, in [0, 1]
 * @param latencyP50Ms   median latency of the recent requests, in milliseconds (empty before any)
 */
public record ServiceHealth(UpstreamService service, ServiceState state, String reportedStatus, String detail,
                            long requests, double successRate, Optional<Double> latencyP50Ms, Optional<Double> latencyP95Ms,
                            Optional<Double> latencyP99Ms, Optional<String> lastError, Optional<Instant> lastErrorAt,
                            Optional<Instant> lastSuccessAt, CircuitState circuit, String failing,
                            List<EndpointHealth> endpoints, long connectionFailures) {

    public enum CircuitState { CLOSED, OPEN, HALF_OPEN }

    /**
     * One endpoint of the service over the recent window.
     *
     * @param failingSymbols symbols whose requests to this endpoint failed while it served others, with the error
     */
    public record EndpointHealth(String endpoint, int requests, double successRate, Map<String, String> failingSymbols,
                                 Optional<String> lastError) {
        public EndpointHealth {
            failingSymbols = Map.copyOf(failingSymbols);
        }
    }

    public ServiceHealth {
        failing = failing == null ? "" : failing;
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    }

    /** Without the window's words and endpoints (tests, placeholders). */
    public ServiceHealth(UpstreamService service, ServiceState state, String reportedStatus, String detail, long requests,
                         double successRate, Optional<Double> latencyP50Ms, Optional<Double> latencyP95Ms,
                         Optional<Double> latencyP99Ms, Optional<String> lastError, Optional<Instant> lastErrorAt,
                         Optional<Instant> lastSuccessAt, CircuitState circuit) {
        this(service, state, reportedStatus, detail, requests, successRate, latencyP50Ms, latencyP95Ms, latencyP99Ms, lastError,
                lastErrorAt, lastSuccessAt, circuit, "", List.of(), 0);
    }

    public static ServiceHealth unknown(UpstreamService service) {
        return new ServiceHealth(service, ServiceState.UNKNOWN, "", "", 0, 0, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), CircuitState.CLOSED);
    }

    /** The symbol's own failures at this service ("/trades: SERVER_ERROR 500: …"), empty when it has none. */
    public List<String> failuresOf(String symbol) {
        List<String> words = new java.util.ArrayList<>();
        for (EndpointHealth e : endpoints) {
            String error = e.failingSymbols().get(symbol);
            if (error != null) {
                words.add(e.endpoint() + ": " + error);
            }
        }
        return words;
    }

    /** Whether sizing may rely on this service now. */
    public boolean usable() {
        return state == ServiceState.OK || state == ServiceState.DEGRADED;
    }
}
