package io.kellydesk.desk;

import io.kellydesk.core.DeskConfiguration;
import io.kellydesk.settings.SettingsCatalog;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** What the settings window asks of the rest of the desk; every call runs on a background thread. */
public interface SettingsPort {

    /** The settings in force now. */
    DeskConfiguration current();

    /**
     * Makes {@code next} the settings in force: audited (every change, who, role, reason), written to the file
     * atomically, and applied live. Throws with a message for the officer when any part cannot be done; then
     * nothing has been applied.
     */
    void apply(DeskConfiguration next, List<SettingsCatalog.Change> changes, String role, String reason) throws Exception;

    /** Writes the settings in force to {@code target} in the firm's format. */
    void export(Path target) throws Exception;

    /** Applied changes, newest first. */
    List<HistoryRow> history(String keyContains, String role) throws Exception;

    /** Whether limit changes can be audited now (the decision log is open for writing); empty when they can. */
    java.util.Optional<String> auditUnavailable();

    /** One applied change, as the history tab lists it. */
    record HistoryRow(Instant changedAt, String key, String oldValue, String newValue, String user, String role, String reason) {
    }
}
