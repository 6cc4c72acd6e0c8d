package io.kellydesk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kellydesk.core.DeskConfiguration;
import io.kellydesk.core.PinAttempt;
import io.kellydesk.core.SettingsCatalog;
import io.kellydesk.settings.OfficerPin;
import io.kellydesk.settings.SettingsCodec;
import io.kellydesk.settings.SettingsFiles;
import io.kellydesk.settings.SettingsRepository;
import io.kellydesk.settings.SettingsService;
import io.kellydesk.store.DecisionLog;
import io.kellydesk.store.SettingsAuditLog;
import io.kellydesk.store.StorageAlarm;
import io.kellydesk.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings port takes the role from the officer session, never from the panel. */
class SettingsControlTest {

    @TempDir
    Path dir;

    @Test
    void onlyAnUnlockedSessionChangesALimitAndItRelocksWhenIdle() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
        SettingsRepository repository = new SettingsRepository(dir.resolve("settings.json"));
        SettingsFiles.createWithDefaultsIfMissing(repository.file());
        DeskConfiguration before = new SettingsCodec().read(repository.file()).configuration();
        try (DecisionLog log = DecisionLog.open(dir.resolve("data"), clock, StorageAlarm.NONE)) {
            SettingsService service = new SettingsService(repository, new SettingsCodec().read(repository.file()), before,
                    new SettingsAuditLog(Optional.of(log)), clock, "desk-user");
            // 1,000 PBKDF2 iterations: the test checks the rule, not the hash's cost
            SettingsControl control = new SettingsControl(service, new OfficerPin(dir.resolve("pin.json"), clock, 1_000),
                    new SettingsCatalog(), clock);
            SettingsCatalog catalog = new SettingsCatalog();
            DeskConfiguration fewer = catalog.check(before, Map.of("max_position_size", "3")).configuration().orElseThrow();

            assertThatThrownBy(() -> control.apply(fewer, catalog.changes(before, fewer), "tighter"))
                    .hasMessageContaining("only the risk officer");

            control.setFirstPin("4711".toCharArray());
            assertThat(control.officerUnlocked()).isTrue();
            control.lock();
            assertThat(control.unlock("0000".toCharArray())).isInstanceOf(PinAttempt.Wrong.class);
            assertThat(control.officerUnlocked()).isFalse();
            assertThat(control.unlock("4711".toCharArray())).isInstanceOf(PinAttempt.Accepted.class);
            control.apply(fewer, catalog.changes(before, fewer), "tighter");
            assertThat(control.current().sizing().maxPositionSizeContracts()).isEqualTo(3);
            assertThat(control.history("max_position", "Risk officer")).hasSize(1);

            // idle past the relock time (the default desk setting) locks again: the next limit change is refused
            clock.advance(Duration.ofSeconds(before.desk().officerIdleRelockSeconds() + 1));
            DeskConfiguration two = catalog.check(fewer, Map.of("max_position_size", "2")).configuration().orElseThrow();
            assertThatThrownBy(() -> control.apply(two, catalog.changes(fewer, two), "tighter still"))
                    .hasMessageContaining("only the risk officer");
        }
    }
}
