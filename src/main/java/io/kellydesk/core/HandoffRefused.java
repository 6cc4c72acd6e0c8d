package io.kellydesk.core;

/** A handoff that was not started, and why (stale or changed recommendation, one already in flight, no record). */
public final class HandoffRefused extends RuntimeException {
    public HandoffRefused(String reason) {
        super(reason);
    }
}
