package io.kellydesk.core;

/** What a desk notification is about; the rate limit is per symbol (or service) per kind. */
public enum AlertKind {
    NEW_TRADE("New trade"),
    EMERGENCY("Emergency"),
    SERVICE_DOWN("Service down"),
    SERVICE_UP("Service back"),
    HANDOFF_FAILED("Hand-off failed");

    private final String words;

    AlertKind(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
