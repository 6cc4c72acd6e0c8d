package io.kellydesk.engine;

import io.kellydesk.core.DeskConfiguration;
import io.kellydesk.core.PinAttempt;
import io.kellydesk.core.RiskRaises;
import io.kellydesk.core.SettingsCatalog;
import io.kellydesk.settings.SettingsService;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings panel's port over the settings service, which holds the officer session and decides: the role is
 * never taken from the panel, so a view that shows a field as editable cannot by itself change a limit.
 */
public final class SettingsControl implements SettingsPort {

    private final SettingsService service;
    private final SettingsCatalog catalog;

    public SettingsControl(SettingsService service, SettingsCatalog catalog) {
        this.service = Objects.requireNonNull(service);
        this.catalog = Objects.requireNonNull(catalog);
    }

    @Override
    public DeskConfiguration current() {
        return service.current();
    }

    @Override
    public void apply(DeskConfiguration next, List<SettingsCatalog.Change> changes, String reason, Approval approval) throws Exception {
        service.apply(next, changes, reason, new SettingsService.Approval(approval.riskRaisesConfirmed(), approval.secondOfficer(),
                approval.secondPin()));
    }

    @Override
    public List<RiskRaises.Raise> riskRaises(DeskConfiguration next) {
        return service.riskRaises(next);
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
                .map(c -> new HistoryRow(c.changedAt(), c.key(), c.oldValue(), c.newValue(), c.userName()
                        + (c.officer().isEmpty() ? "" : " · " + c.officer()) + (c.secondOfficer().isEmpty() ? "" : " + " + c.secondOfficer()),
                        c.userRole(), c.reason()))
                .toList();
    }

    @Override
    public Optional<String> auditUnavailable() {
        return service.auditUnavailable();
    }

    @Override
    public List<String> officers() {
        return service.officers();
    }

    @Override
    public PinAttempt unlock(String officer, char[] pin) {
        return service.unlock(officer, pin);
    }

    @Override
    public void lock() {
        service.lock();
    }

    @Override
    public void touch() {
        service.touch();
    }

    @Override
    public Optional<String> unlockedOfficer() {
        return service.unlockedOfficer();
    }

    @Override
    public Duration relocksIn() {
        return service.relocksIn();
    }

    @Override
    public Optional<Instant> pinLockedUntil(String officer) {
        return service.pinLockedUntil(officer);
    }
}
