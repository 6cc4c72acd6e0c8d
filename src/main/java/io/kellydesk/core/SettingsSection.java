package io.kellydesk.core;

/** The sections of the settings panel; all but Desk belong to the risk officer. */
public enum SettingsSection {
    SIZING("Sizing", true),
    RISK_LIMITS("Risk limits", true),
    MODELS("Models", true),
    SERVICES("Services", true),
    HANDOFF("Hand-off and governance", true),
    DESK("Desk", false);

    private final String title;
    private final boolean officerOnly;

    SettingsSection(String title, boolean officerOnly) {
        this.title = title;
        this.officerOnly = officerOnly;
    }

    public String title() {
        return title;
    }

    /** True when only the unlocked risk officer may change it, and a change needs a reason. */
    public boolean officerOnly() {
        return officerOnly;
    }
}
