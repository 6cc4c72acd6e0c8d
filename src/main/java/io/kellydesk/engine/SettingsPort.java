package io.kellydesk.engine;

import io.kellydesk.core.DeskConfiguration;
import io.kellydesk.core.PinAttempt;
import io.kellydesk.core.RiskRaises;
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
     * Makes {@code next} the settings in force, as whoever holds the session now (the trader unless a risk officer's PIN
     * unlocked the limits): checked by the settings service's rules, audited, written to the file atomically, applied
     * live. Throws with a message for the officer when any part cannot be done or the rules refuse it (a refusal is
     * audited too); then nothing has been applied.
     */
    void apply(DeskConfiguration next, List<SettingsCatalog.Change> changes, String reason, Approval approval) throws Exception;

    /** The raises from the settings in force to {@code next} that need the officer's confirmation. */
    List<RiskRaises.Raise> riskRaises(DeskConfiguration next);

    /** What the officer confirmed: the raises shown, and under four-eyes a second officer's name and PIN. */
    record Approval(boolean riskRaisesConfirmed, Optional<String> secondOfficer, char[] secondPin) {
        public static final Approval NONE = new Approval(false, Optional.empty(), new char[0]);
    }

    /** Writes the settings in force to {@code target} in the firm's format. */
    void export(Path target) throws Exception;

    /** Checks a file offered for import; nothing is applied. */
    SettingsCatalog.Check checkImport(Path file);

    /** Applied changes, newest first, filtered by key (contains, any case) and role words (null for every role). */
    List<HistoryRow> history(String keyContains, String role) throws Exception;

    /** Why limit changes cannot be audited now (the decision log is not writable); empty when they can. */
    Optional<String> auditUnavailable();

    /** The risk officers set up on this PC; none: the limits are read-only for everyone. */
    List<String> officers();

    /** Tries {@code officer}'s {@code pin}; an accepted one unlocks the limits for that officer. Slow (hashing). */
    PinAttempt unlock(String officer, char[] pin) throws Exception;

    /** Locks the limits now. */
    void lock();

    /** Input at the panel: keeps an unlocked session open. */
    void touch();

    /** The officer whose session is open now (the idle time has not run out). */
    Optional<String> unlockedOfficer();

    /** How long until the unlocked limits lock again without input. */
    Duration relocksIn();

    /** Until when wrong tries locked {@code officer}'s PIN, if they did. */
    Optional<Instant> pinLockedUntil(String officer);

    /** One applied change, as the history tab lists it. */
    record HistoryRow(Instant changedAt, String key, String oldValue, String newValue, String user, String role, String reason) {
    }
}
