package io.kellydesk.app;

import io.kellydesk.core.DeskConfiguration;
import io.kellydesk.desk.SettingsPort;
import io.kellydesk.settings.LoadedSettings;
import io.kellydesk.settings.SettingsCatalog;
import io.kellydesk.settings.SettingsCodec;
import io.kellydesk.settings.SettingsRepository;
import io.kellydesk.store.DecisionLog;
import io.kellydesk.store.SettingsChangeRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies settings from the settings window: audit first (a limit change that cannot be audited is not made),
 * then the file (atomically), then the running desk. Runs on a background thread, one apply at a time.
 */
final class SettingsApplier implements SettingsPort {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsApplier.class);

    private final SettingsRepository repository;
    private final Optional<DecisionLog> decisionLog;
    private final Clock clock;
    private final Consumer<DeskConfiguration> applyLive;
    private final String userName;
    private volatile LoadedSettings base;
    private volatile DeskConfiguration current;

    /**
     * @param initial   the settings the desk started with (their file tree keeps the firm's other keys on save)
     * @param applyLive makes a configuration the running desk's: re-sizes every symbol, re-polls, re-themes
     */
    SettingsApplier(SettingsRepository repository, LoadedSettings initial, DeskConfiguration running,
                    Optional<DecisionLog> decisionLog, Clock clock, Consumer<DeskConfiguration> applyLive) {
        this.repository = Objects.requireNonNull(repository);
        this.base = initial;
        this.current = Objects.requireNonNull(running);
        this.decisionLog = decisionLog;
        this.clock = clock;
        this.applyLive = applyLive;
        this.userName = System.getProperty("user.name", "unknown");
    }

    @Override
    public DeskConfiguration current() {
        return current;
    }

    @Override
    public Optional<String> auditUnavailable() {
        if (decisionLog.isEmpty()) {
            return Optional.of("the decision log is not open.");
        }
        return decisionLog.get().readOnlyReason().map(reason -> "the decision log is read-only: " + reason);
    }

    @Override
    public synchronized void apply(DeskConfiguration next, List<SettingsCatalog.Change> changes, String role, String reason)
            throws Exception {
        boolean limits = changes.stream().anyMatch(c -> c.field().section().officerOnly());
        Optional<String> noAudit = auditUnavailable();
        if (limits && noAudit.isPresent()) {
            throw new IllegalStateException("limit changes must be audited, and " + noAudit.get());
        }
        // Audit first and wait for the writer's acknowledgement: a limit change is never in force unrecorded.
        Instant at = clock.instant();
        if (noAudit.isEmpty()) {
            List<CompletableFuture<Long>> written = new ArrayList<>();
            for (SettingsCatalog.Change change : changes) {
                written.add(decisionLog.get().recordSettingsChange(new SettingsChangeRecord(at, change.field().key(),
                        change.field().auditText(change.oldText()), change.field().auditText(change.newText()), userName, role, reason)));
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
                decisionLog.get().recordSettingsChange(new SettingsChangeRecord(clock.instant(), "(apply failed)", "", e.getMessage(),
                        userName, role, "the file could not be written; the changes above are NOT in force"));
            }
            throw new IllegalStateException("the settings file could not be written (" + e.getMessage() + "); nothing changed", e);
        }
        current = next;
        applyLive.accept(next);
        LOG.info("Settings applied by {} ({}): {} changes, reason: {}", userName, role, changes.size(), reason);
    }

    @Override
    public void export(Path target) throws Exception {
        repository.export(current, base, target);
    }

    @Override
    public List<HistoryRow> history(String keyContains, String role) throws Exception {
        if (decisionLog.isEmpty()) {
            return List.of();
        }
        String needle = keyContains == null ? "" : keyContains.trim().toLowerCase(Locale.ROOT);
        return decisionLog.get().queries().settingsChanges(Instant.EPOCH, null).stream()
                .filter(c -> needle.isEmpty() || c.key().toLowerCase(Locale.ROOT).contains(needle))
                .filter(c -> role == null || role.equals(c.userRole()))
                .map(c -> new HistoryRow(c.changedAt(), c.key(), c.oldValue(), c.newValue(), c.userName(), c.userRole(), c.reason()))
                .toList();
    }
}
