package io.kellydesk.core;

import java.time.Instant;

/** One applied settings change: which key, from what to what, who (OS user and role), when and why. */
public record SettingsChangeRecord(Instant changedAt, String key, String oldValue, String newValue, String userName,
                                   String userRole, String reason) {
}
