package io.kellydesk.core;

/** Which way a prediction or a recommendation points. NEUTRAL on a recommendation means "no direction". */
public enum Direction {
    LONG, SHORT, NEUTRAL;

    /** The side that profits when this side loses. NEUTRAL stays NEUTRAL. */
    public Direction opposite() {
        return switch (this) {
            case LONG -> SHORT;
            case SHORT -> LONG;
            case NEUTRAL -> NEUTRAL;
        };
    }
}
