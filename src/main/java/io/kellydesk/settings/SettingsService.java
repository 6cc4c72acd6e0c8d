package io.kellydesk.settings;

import io.kellydesk.core.DeskConfiguration;
import io.kellydesk.core.DeskRole;
import io.kellydesk.core.PinAttempt;
import io.kellydesk.core.RiskRaises;
import io.kellydesk.core.SettingsAudit;
import io.kellydesk.core.SettingsCatalog;
import io.kellydesk.core.SettingsChangeRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies settings changes and owns their rules. A change to anything but the trader's preferences needs an open
 * session of a named risk officer (PIN, idle relock) and a reason; a change that raises risk needs the officer's
 * confirmation and, under four-eyes, a second officer's PIN. It is audited before it is in force (a change that
 * cannot be audited is not made), and so is every refused attempt; then the file is replaced atomically; then every
 * listener hears of the new configuration. Background thread, one apply at a time.
 */
public final class SettingsService {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsService.class);

    /** What the officer confirmed for this apply: the risk raises shown, and the second officer's PIN under four-eyes. */
    public record Approval(boolean riskRaisesConfirmed, Optional<String> secondOfficer, char[] secondPin) {
        public static final Approval NONE = new Approval(false, Optional.empty(), new char[0]);

        public static Approval confirmed() {
            return new Approval(true, Optional.empty(), new char[0]);
        }

        public static Approval withSecondOfficer(String name, char[] pin) {
            return new Approval(true, Optional.of(name), pin);
        }
    }

    /** A change the rules refuse; the attempt is in the audit. */
    public static final class Refused extends IllegalStateException {
        public Refused(String message) {
            super(message);
        }
    }

    private final SettingsRepository repository;
    private final SettingsAudit audit;
    private final OfficerRegistry officers;
    private final OfficerSession session;
    private final Clock clock;
    private final String userName;
    private final List<Consumer<DeskConfiguration>> listeners = new CopyOnWriteArrayList<>();
    private volatile LoadedSettings base;
    private volatile DeskConfiguration current;

    /**
     * @param initial the settings the desk started with, or null when the file did not load (their file tree keeps the
     *                firm's other keys and comments on save)
     * @param running the configuration in force now
     */
    public SettingsService(SettingsRepository repository, LoadedSettings initial, DeskConfiguration running,
                           SettingsAudit audit, OfficerRegistry officers, Clock clock, String userName) {
        this.repository = Objects.requireNonNull(repository);
        this.base = initial;
        this.current = Objects.requireNonNull(running);
        this.audit = Objects.requireNonNull(audit);
        this.officers = Objects.requireNonNull(officers);
        this.clock = Objects.requireNonNull(clock);
        this.userName = Objects.requireNonNull(userName);
        this.session = new OfficerSession(clock, Duration.ofSeconds(running.desk().officerIdleRelockSeconds()));
    }

    /** {@code listener} hears every applied configuration, on the applying thread, in the order added. */
    public void onApplied(Consumer<DeskConfiguration> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public DeskConfiguration current() {
        return current;
    }

    /** Why limit changes cannot be made now (they cannot be audited); empty when they can. */
    public Optional<String> auditUnavailable() {
        return audit.unavailable();
    }

    // ---------------------------------------------------------------- officers and the session

    /** The risk officers set up on this PC; none: the limits are read-only for everyone. */
    public List<String> officers() {
        return officers.names();
    }

    /** Opens {@code officer}'s session when the PIN is right. Slow (hashing): background thread. */
    public PinAttempt unlock(String officer, char[] pin) {
        PinAttempt attempt = officers.verify(officer, pin);
        if (attempt instanceof PinAttempt.Accepted) {
            session.unlock(officer);
            LOG.info("Limits unlocked by risk officer {} (OS user {})", officer, userName);
        }
        return attempt;
    }

    public void lock() {
        session.lock();
    }

    /** Input at the panel: keeps an open session open. */
    public void touch() {
        session.touch();
    }

    /** The officer whose session is open now. */
    public Optional<String> unlockedOfficer() {
        return session.officer();
    }

    public Duration relocksIn() {
        return session.remaining();
    }

    public Optional<Instant> pinLockedUntil(String officer) {
        return officers.lockedUntil(officer);
    }

    /** The raises from the settings in force to {@code next} that need confirming. */
    public List<RiskRaises.Raise> riskRaises(DeskConfiguration next) {
        return RiskRaises.between(current.sizing(), next.sizing());
    }

    // ---------------------------------------------------------------- applying

    /**
     * Makes {@code next} the settings in force. Refused, audited and with nothing changed, when a limit change comes
     * without an open officer session or without a reason, when its risk raises are not confirmed, or under
     * four-eyes without a second officer's PIN; refused unaudited when the audit is unavailable; refused when the
     * file cannot be written.
     */
    public synchronized void apply(DeskConfiguration next, List<SettingsCatalog.Change> changes, String reason, Approval approval)
            throws Exception {
        boolean limits = changes.stream().anyMatch(c -> c.field().section().officerOnly());
        String why = reason == null ? "" : reason.trim();
        Optional<String> officer = session.officer();
        DeskRole role = officer.isPresent() ? DeskRole.RISK_OFFICER : DeskRole.TRADER;
        Optional<String> noAudit = audit.unavailable();
        if (limits && noAudit.isPresent()) {
            throw new Refused("limit changes must be audited, and " + noAudit.get());
        }
        String second = "";
        List<RiskRaises.Raise> raises = limits ? riskRaises(next) : List.of();
        if (limits) {
            if (officer.isEmpty()) {
                refuse(changes, role, "", session.expired()
                        ? "the risk officer's session ran out after " + session.idleRelock().toSeconds() + " s without input; unlock again"
                        : officers.isEmpty() ? "no risk officer is set up on this PC: limits are read-only (add one with --add-officer NAME)"
                        : "only a risk officer may change limits; unlock them with an officer's PIN");
            }
            if (why.isEmpty()) {
                refuse(changes, role, officer.get(), "a limit change needs a reason");
            }
            if (!raises.isEmpty() && !approval.riskRaisesConfirmed()) {
                refuse(changes, role, officer.get(), "a change that raises risk needs confirming: " + words(raises));
            }
            if (!raises.isEmpty() && current.desk().fourEyes()) {
                second = secondOfficer(changes, role, officer.get(), approval, raises);
            }
        }
        String recorded = why.isEmpty() ? "desk preference" : why;
        if (!raises.isEmpty()) {
            recorded += " · confirmed: " + words(raises);
        }
        // Audit first and wait for the writer's acknowledgement: a limit change is never in force unrecorded.
        Instant at = clock.instant();
        if (noAudit.isEmpty()) {
            List<CompletableFuture<Long>> written = new ArrayList<>();
            for (SettingsCatalog.Change change : changes) {
                written.add(audit.record(new SettingsChangeRecord(at, change.field().key(), change.field().auditText(change.oldText()),
                        change.field().auditText(change.newText()), userName, role.words(), recorded, officer.orElse(""), second)));
            }
            CompletableFuture.allOf(written.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } else {
            LOG.warn("Desk preference change not audited: {}", noAudit.get());
        }
        try {
            repository.save(next, base);
            base = new SettingsCodec().read(repository.file());
        } catch (Exception e) {
            LOG.error("Settings audited but not saved", e);
            if (noAudit.isEmpty()) {
                audit.record(new SettingsChangeRecord(clock.instant(), "(apply failed)", "", e.getMessage(), userName, role.words(),
                        "the file could not be written; the changes above are NOT in force", officer.orElse(""), second));
            }
            throw new IllegalStateException("the settings file could not be written (" + e.getMessage() + "); nothing changed", e);
        }
        current = next;
        session.idleRelock(Duration.ofSeconds(next.desk().officerIdleRelockSeconds()));
        listeners.forEach(listener -> listener.accept(next));
        LOG.info("Settings applied by {} ({}{}): {} changes, reason: {}", userName, role.words(),
                officer.map(o -> " " + o).orElse(""), changes.size(), recorded);
    }

    /** Four-eyes: a second, different officer's right PIN, or the change is refused. */
    private String secondOfficer(List<SettingsCatalog.Change> changes, DeskRole role, String officer, Approval approval,
                                 List<RiskRaises.Raise> raises) throws Exception {
        String name = approval.secondOfficer().orElse("");
        if (name.isBlank()) {
            refuse(changes, role, officer, "four-eyes: a second risk officer's PIN must approve " + words(raises));
        }
        if (name.equals(officer)) {
            refuse(changes, role, officer, "four-eyes: the second officer must be someone other than " + officer);
        }
        PinAttempt attempt = officers.verify(name, approval.secondPin());
        java.util.Arrays.fill(approval.secondPin(), '\0');
        if (!(attempt instanceof PinAttempt.Accepted)) {
            refuse(changes, role, officer, "four-eyes: the second officer's PIN was not accepted ("
                    + (attempt instanceof PinAttempt.LockedOut ? "locked out" : "wrong PIN or unknown officer") + ")");
        }
        return name;
    }

    /** Records the refused attempt (what it tried, why not) and throws. */
    private void refuse(List<SettingsCatalog.Change> changes, DeskRole role, String officer, String why) throws Exception {
        String tried = changes.stream().map(c -> c.field().key()).collect(Collectors.joining(", "));
        audit.record(new SettingsChangeRecord(clock.instant(), SettingsChangeRecord.REFUSED, "", tried, userName, role.words(), why,
                officer, "")).get(10, TimeUnit.SECONDS);
        LOG.warn("Settings change refused ({}): {}", tried, why);
        throw new Refused(why);
    }

    private static String words(List<RiskRaises.Raise> raises) {
        return raises.stream().map(RiskRaises.Raise::words).collect(Collectors.joining("; "));
    }

    /** Writes the settings in force to {@code target} in the firm's format. */
    public void export(Path target) throws Exception {
        repository.export(current, base, target);
    }

    /** Checks a file offered for import against the catalog; nothing is applied. */
    public SettingsCatalog.Check checkImport(Path file, SettingsCatalog catalog) {
        return SettingsRepository.checkImport(file, catalog);
    }

    /** Applied changes and refused attempts, newest first. */
    public List<SettingsChangeRecord> history() throws Exception {
        return audit.changes();
    }
}
