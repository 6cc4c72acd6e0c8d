package io.kellydesk.core;

/** Where a handoff stands; every change is written to the decision log's handoffs and handoff_events. */
public enum HandoffStatus {
    /** Recorded with its client order id; the request has not gone out yet. */
    PENDING(false),
    /** On the wire, or waiting to be resent with the same id after a timeout or a 5xx. */
    SENDING(false),
    ACCEPTED(true),
    /** The engine said no (409, 422): its reason is kept. */
    REJECTED(true),
    /** 401/403: the trading engine's token is wrong; not retried. */
    AUTH_FAILED(true),
    /** No answer before the give-up time: the ticket is kept for a manual retry with the same id. */
    FAILED(true),
    /** Copied to the clipboard for keying by hand. */
    COPIED(true),
    /** Written to the watched folder. */
    WRITTEN(true),
    /** Found in flight after a restart, too old to resend blindly: the trader checks the engine and resolves it. */
    UNRESOLVED(false),
    /** The engine answered {@code GET /orders/{id}} with 404: it never received the order; it may be resent with its id. */
    NOT_RECEIVED(true),
    /** Closed by the trader without resending (the engine was checked by hand, or never received it). */
    DISMISSED(true);

    private final boolean last;

    HandoffStatus(boolean last) {
        this.last = last;
    }

    /** True when nothing more will happen to it unless a person asks. */
    public boolean isFinal() {
        return last;
    }

    /**
     * For an engine handoff: the engine may hold this order (sending, accepted, or an outcome nobody knows yet), so
     * it counts as working until the engine shows it final.
     */
    public boolean mayBeAtEngine() {
        return this == PENDING || this == SENDING || this == ACCEPTED || this == FAILED || this == UNRESOLVED;
    }

    /** For an engine handoff: the engine's answer never came, so whether it holds the order is not known. */
    public boolean outcomeUnknown() {
        return this == FAILED || this == UNRESOLVED;
    }

    /** Only the same client order id may go again: its fate is unknown, or the engine said it never had it. */
    public boolean mayRetryWithSameId() {
        return outcomeUnknown() || this == NOT_RECEIVED;
    }

    /** The trader may close it without resending (after checking the engine). */
    public boolean mayDismiss() {
        return this == UNRESOLVED || this == NOT_RECEIVED;
    }
}
