package io.kellydesk.core;

import java.time.Instant;

/**
 * One settings change, or one refused attempt (key {@code (refused)}): which key, from what to what, who (OS user,
 * role, the officer whose session it was and, under four-eyes, the second officer; '' when none), when and why.
 */
public record SettingsChangeRecord(Instant changedAt, String key, String oldValue, String newValue, String userName,
                                   String userRole, String reason, String officer, String secondOfficer) {

    /** The key of a row that records a refused attempt. */
    public static final String REFUSED = "(refused)";

    public SettingsChangeRecord {
        officer = officer == null ? "" : officer;
        secondOfficer = secondOfficer == null ? "" : secondOfficer;
    }

    /** A change with no officer named (a desk preference). */
    public SettingsChangeRecord(Instant changedAt, String key, String oldValue, String newValue, String userName,
                                String userRole, String reason) {
        this(changedAt, key, oldValue, newValue, userName, userRole, reason, "", "");
    }
}
