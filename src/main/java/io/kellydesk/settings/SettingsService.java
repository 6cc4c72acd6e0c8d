package io.kellydesk.settings;

import io.kellydesk.core.DeskConfiguration;
import io.kellydesk.core.DeskRole;
import io.kellydesk.core.SettingsAudit;
import io.kellydesk.core.SettingsCatalog;
import io.kellydesk.core.SettingsChangeRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies settings changes and owns their rules: a limit change needs the risk officer and a reason, and is recorded
 * in the audit before it is in force (a change that cannot be audited is not made); then the file is replaced
 * atomically; then every listener hears of the new configuration. Background thread, one apply at a time.
 */
public final class SettingsService {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsService.class);

    private final SettingsRepository repository;
    private final SettingsAudit audit;
    private final Clock clock;
    private final String userName;
    private final List<Consumer<DeskConfiguration>> listeners = new CopyOnWriteArrayList<>();
    private volatile LoadedSettings base;
    private volatile DeskConfiguration current;

    /**
     * @param initial the settings the desk started with, or null when the file did not load (their file tree keeps the
     *                firm's other keys on save)
     * @param running the configuration in force now
     */
    public SettingsService(SettingsRepository repository, LoadedSettings initial, DeskConfiguration running,
                           SettingsAudit audit, Clock clock, String userName) {
        this.repository = Objects.requireNonNull(repository);
        this.base = initial;
        this.current = Objects.requireNonNull(running);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
        this.userName = Objects.requireNonNull(userName);
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

    /**
     * Makes {@code next} the settings in force. Refused, with nothing changed, when a limit change comes from anyone
     * but the risk officer, carries no reason, or cannot be audited; or when the file cannot be written.
     */
    public synchronized void apply(DeskConfiguration next, List<SettingsCatalog.Change> changes, DeskRole role, String reason)
            throws Exception {
        boolean limits = changes.stream().anyMatch(c -> c.field().section().officerOnly());
        String why = reason == null ? "" : reason.trim();
        if (limits && role != DeskRole.RISK_OFFICER) {
            throw new IllegalStateException("only the risk officer may change limits; unlock them with the officer PIN");
        }
        if (limits && why.isEmpty()) {
            throw new IllegalStateException("a limit change needs a reason");
        }
        Optional<String> noAudit = audit.unavailable();
        if (limits && noAudit.isPresent()) {
            throw new IllegalStateException("limit changes must be audited, and " + noAudit.get());
        }
        String recorded = why.isEmpty() ? "desk preference" : why;
        // Audit first and wait for the writer's acknowledgement: a limit change is never in force unrecorded.
        Instant at = clock.instant();
        if (noAudit.isEmpty()) {
            List<CompletableFuture<Long>> written = new ArrayList<>();
            for (SettingsCatalog.Change change : changes) {
                written.add(audit.record(new SettingsChangeRecord(at, change.field().key(), change.field().auditText(change.oldText()),
                        change.field().auditText(change.newText()), userName, role.words(), recorded)));
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
                        "the file could not be written; the changes above are NOT in force"));
            }
            throw new IllegalStateException("the settings file could not be written (" + e.getMessage() + "); nothing changed", e);
        }
        current = next;
        listeners.forEach(listener -> listener.accept(next));
        LOG.info("Settings applied by {} ({}): {} changes, reason: {}", userName, role.words(), changes.size(), recorded);
    }

    /** Writes the settings in force to {@code target} in the firm's format. */
    public void export(Path target) throws Exception {
        repository.export(current, base, target);
    }

    /** Checks a file offered for import against the catalog; nothing is applied. */
    public SettingsCatalog.Check checkImport(Path file, SettingsCatalog catalog) {
        return SettingsRepository.checkImport(file, catalog);
    }

    /** Applied changes, newest first. */
    public List<SettingsChangeRecord> history() throws Exception {
        return audit.changes();
    }
}
