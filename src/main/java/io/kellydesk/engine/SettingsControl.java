package io.kellydesk.engine;

import io.kellydesk.core.DeskConfiguration;
import io.kellydesk.core.DeskRole;
import io.kellydesk.core.PinAttempt;
import io.kellydesk.core.SettingsCatalog;
import io.kellydesk.settings.OfficerPin;
import io.kellydesk.settings.OfficerSession;
import io.kellydesk.settings.SettingsService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings panel's port: the officer PIN and session decide the role, the settings service applies under it. The
 * role is never taken from the panel, so a view that shows a field as editable cannot by itself change a limit.
 */
public final class SettingsControl implements SettingsPort {

    private final SettingsService service;
    private final OfficerPin pin;
    private final OfficerSession session;
    private final SettingsCatalog catalog;

    public SettingsControl(SettingsService service, OfficerPin pin, SettingsCatalog catalog, Clock clock) {
        this.service = Objects.requireNonNull(service);
        this.pin = Objects.requireNonNull(pin);
        this.catalog = Objects.requireNonNull(catalog);
        this.session = new OfficerSession(clock, Duration.ofSeconds(service.current().desk().officerIdleRelockSeconds()));
        service.onApplied(next -> session.idleRelock(Duration.ofSeconds(next.desk().officerIdleRelockSeconds())));
    }

    @Override
    public DeskConfiguration current() {
        return service.current();
    }

    @Override
    public void apply(DeskConfiguration next, List<SettingsCatalog.Change> changes, String reason) throws Exception {
        service.apply(next, changes, session.isUnlocked() ? DeskRole.RISK_OFFICER : DeskRole.TRADER, reason);
    }

    @Override
    public void export(Path target) throws Exception {
        service.export(target);
    }

    @Override
    public SettingsCatalog.Check checkImport(Path file) {
        return service.checkImport(file, catalog);
    }

    @Override
    public List<HistoryRow> history(String keyContains, String role) throws Exception {
        String needle = keyContains == null ? "" : keyContains.trim().toLowerCase(Locale.ROOT);
        return service.history().stream()
                .filter(c -> needle.isEmpty() || c.key().toLowerCase(Locale.ROOT).contains(needle))
                .filter(c -> role == null || role.equals(c.userRole()))
                .map(c -> new HistoryRow(c.changedAt(), c.key(), c.oldValue(), c.newValue(), c.userName(), c.userRole(), c.reason()))
                .toList();
    }

    @Override
    public Optional<String> auditUnavailable() {
        return service.auditUnavailable();
    }

    @Override
    public boolean officerPinSet() {
        return pin.isSet();
    }

    @Override
    public void setFirstPin(char[] typed) {
        pin.setFirst(typed);
        session.unlock();
    }

    @Override
    public PinAttempt unlock(char[] typed) {
        PinAttempt attempt = pin.verify(typed);
        if (attempt instanceof PinAttempt.Accepted) {
            session.unlock();
        }
        return attempt;
    }

    @Override
    public void lock() {
        session.lock();
    }

    @Override
    public void touch() {
        session.touch();
    }

    @Override
    public boolean officerUnlocked() {
        return session.isUnlocked();
    }

    @Override
    public Duration relocksIn() {
        return session.remaining();
    }

    @Override
    public Optional<Instant> pinLockedUntil() {
        return pin.lockedUntil();
    }
}
