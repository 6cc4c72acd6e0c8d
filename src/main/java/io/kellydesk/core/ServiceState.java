package io.kellydesk.core;

/** What the desk knows about one upstream service right now. */
public enum ServiceState {
    /** Not polled yet: nothing is known, nothing is assumed. */
    UNKNOWN("not polled yet"),
    OK("ok"),
    DEGRADED("degraded"),
    DOWN("down"),
    /** The service refused our credentials (401/403); polling backs off until settings change. */
    AUTH_FAILED("auth failed"),
    /** No base URL in the settings. */
    NOT_CONFIGURED("not configured");

    private final String label;

    ServiceState(String label) {
        this.label = label;
    }

    /** Short lower-case words for a status light. */
    public String label() {
        return label;
    }
}
