package io.kellydesk.store;

import io.kellydesk.core.SettingsAudit;
import io.kellydesk.core.SettingsChangeRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The decision log as the settings audit; a log that did not open, or opened read-only, says so and records nothing. */
public final class SettingsAuditLog implements SettingsAudit {

    private final Optional<DecisionLog> log;

    public SettingsAuditLog(Optional<DecisionLog> log) {
        this.log = log;
    }

    @Override
    public Optional<String> unavailable() {
        if (log.isEmpty()) {
            return Optional.of("the decision log is not open.");
        }
        return log.get().readOnlyReason().map(reason -> "the decision log is read-only: " + reason);
    }

    @Override
    public CompletableFuture<Long> record(SettingsChangeRecord change) {
        Optional<String> why = unavailable();
        return why.isPresent() ? CompletableFuture.failedFuture(new IllegalStateException(why.get()))
                : log.get().recordSettingsChange(change);
    }

    @Override
    public List<SettingsChangeRecord> changes() throws DecisionLogException {
        return log.isEmpty() ? List.of() : log.get().queries().settingsChanges(Instant.EPOCH, null);
    }
}
