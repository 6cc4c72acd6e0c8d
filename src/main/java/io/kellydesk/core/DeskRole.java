package io.kellydesk.core;

/** Who is at the settings panel: the trader by default, the risk officer once the PIN unlocked the limits. */
public enum DeskRole {
    TRADER("Trader"), RISK_OFFICER("Risk officer");

    private final String words;

    DeskRole(String words) {
        this.words = words;
    }

    /** As the audit row and the panel name it. */
    public String words() {
        return words;
    }
}
