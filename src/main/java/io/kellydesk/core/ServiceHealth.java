package io.kellydesk.core;

import java.time.Instant;
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
                            Optional<Instant> lastSuccessAt, CircuitState circuit) {

    public enum CircuitState { CLOSED, OPEN, HALF_OPEN }

    public static ServiceHealth unknown(UpstreamService service) {
        return new ServiceHealth(service, ServiceState.UNKNOWN, "", "", 0, 0, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), CircuitState.CLOSED);
    }

    /** Whether sizing may rely on this service now. */
    public boolean usable() {
        return state == ServiceState.OK || state == ServiceState.DEGRADED;
    }
}
