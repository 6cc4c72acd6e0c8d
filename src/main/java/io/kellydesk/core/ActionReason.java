package io.kellydesk.core;

/** Spec step 12: why the action is what it is, where the status alone does not say it. */
public enum ActionReason {
    /** No reason to state (an ADD or REVERSE toward a TRADE's target, or nothing to do on a NO_TRADE). */
    NONE(""),
    /** Already at (or beyond, within the cap) the target: no order. */
    AT_TARGET("at target"),
    /** Held and working exceed max_position_size: reduce to it. */
    LIMIT_BREACH("above max position"),
    /** Held and working exceed the emergency cap: reduce to it. */
    EMERGENCY("above the emergency cap");

    private final String words;

    ActionReason(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
