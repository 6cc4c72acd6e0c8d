package io.kellydesk.core;

import java.time.Instant;

/** A closed bar; the desk uses its close for return correlations. */
public record Bar(Instant time, double open, double high, double low, double close, double volume) {
}
