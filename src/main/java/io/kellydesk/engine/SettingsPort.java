package io.kellydesk.engine;

import io.kellydesk.core.DeskConfiguration;
import io.kellydesk.core.PinAttempt;
import io.kellydesk.core.SettingsCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the settings panel asks of the desk. Calls that hash a PIN, touch the file or the audit run on a background
 * thread; the officer session's state is cheap to read from any thread.
 */
public interface SettingsPort {

    /** The settings in force now. */
    DeskConfiguration current();

    /**
     * Makes {@code next} the settings in force, as whoever holds the session now (the trader unless the PIN unlocked
     * the limits): audited, written to the file atomically, applied live. Throws with a message for the officer when
     * any part cannot be done or the rules refuse it; then nothing has been applied.
     */
    void apply(DeskConfiguration next, List<SettingsCatalog.Change> changes, String reason) throws Exception;

    /** Writes the settings in force to {@code target} in the firm's format. */
    void export(Path target) throws Exception;

    /** Checks a file offered for import; nothing is applied. */
    SettingsCatalog.Check checkImport(Path file);

    /** Applied changes, newest first, filtered by key (contains, any case) and role words (null for every role). */
    List<HistoryRow> history(String keyContains, String role) throws Exception;

    /** Why limit changes cannot be audited now (the decision log is not writable); empty when they can. */
    Optional<String> auditUnavailable();

    /** Whether an officer PIN exists. */
    boolean officerPinSet();

    /** Sets the first officer PIN and unlocks the limits. Slow (hashing). */
    void setFirstPin(char[] pin) throws Exception;

    /** Tries {@code pin}; an accepted one unlocks the limits. Slow (hashing). */
    PinAttempt unlock(char[] pin) throws Exception;

    /** Locks the limits now. */
    void lock();

    /** Input at the panel: keeps an unlocked session open. */
    void touch();

    /** Whether the limits are unlocked now (the idle time has not run out). */
    boolean officerUnlocked();

    /** How long until the unlocked limits lock again without input. */
    Duration relocksIn();

    /** Until when wrong tries locked the PIN, if they did. */
    Optional<Instant> pinLockedUntil();

    /** One applied change, as the history tab lists it. */
    record HistoryRow(Instant changedAt, String key, String oldValue, String newValue, String user, String role, String reason) {
    }
}
