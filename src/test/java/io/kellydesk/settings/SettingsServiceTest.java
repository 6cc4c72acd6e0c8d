package io.kellydesk.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kellydesk.core.DeskConfiguration;
import io.kellydesk.core.DeskRole;
import io.kellydesk.core.SettingsCatalog;
import io.kellydesk.core.SettingsChangeRecord;
import io.kellydesk.store.DecisionLog;
import io.kellydesk.store.SettingsAuditLog;
import io.kellydesk.store.StorageAlarm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings service decides who may change what, without any window: a real settings file and a real SQLite
 * decision log as its audit.
 */
class SettingsServiceTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.systemUTC();
    private final SettingsCatalog catalog = new SettingsCatalog();
    private final List<DeskConfiguration> heard = new CopyOnWriteArrayList<>();
    private DecisionLog log;
    private SettingsRepository repository;
    private DeskConfiguration before;

    @BeforeEach
    void open() throws Exception {
        repository = new SettingsRepository(dir.resolve("settings.json"));
        SettingsFiles.createWithDefaultsIfMissing(repository.file());
        before = new SettingsCodec().read(repository.file()).configuration();
        log = DecisionLog.open(dir.resolve("data"), clock, StorageAlarm.NONE);
    }

    @AfterEach
    void close() {
        log.close();
    }

    private SettingsService service(Optional<DecisionLog> audit) throws Exception {
        SettingsService service = new SettingsService(repository, new SettingsCodec().read(repository.file()), before,
                new SettingsAuditLog(audit), clock, "desk-user");
        service.onApplied(heard::add);
        return service;
    }

    /** max_position_size 5 → 3 (a limit: the Risk limits section is officer-only). */
    private DeskConfiguration fewerContracts() {
        return catalog.check(before, Map.of("max_position_size", "3")).configuration().orElseThrow();
    }

    private DeskConfiguration lightTheme() {
        return catalog.check(before, Map.of("desk.theme", "light")).configuration().orElseThrow();
    }

    @Test
    void aTraderCannotChangeALimitWhateverTheWindowShows() throws Exception {
        SettingsService service = service(Optional.of(log));
        String fileBefore = Files.readString(repository.file());
        DeskConfiguration next = fewerContracts();

        assertThatThrownBy(() -> service.apply(next, catalog.changes(before, next), DeskRole.TRADER, "tighter"))
                .hasMessageContaining("only the risk officer");

        assertThat(service.current()).isEqualTo(before);
        assertThat(Files.readString(repository.file())).isEqualTo(fileBefore);
        assertThat(service.history()).isEmpty();
        assertThat(heard).isEmpty();
    }

    @Test
    void aLimitChangeNeedsAReason() throws Exception {
        SettingsService service = service(Optional.of(log));
        DeskConfiguration next = fewerContracts();

        assertThatThrownBy(() -> service.apply(next, catalog.changes(before, next), DeskRole.RISK_OFFICER, "  "))
                .hasMessageContaining("needs a reason");
        assertThat(service.current()).isEqualTo(before);
        assertThat(heard).isEmpty();
    }

    @Test
    void theOfficersChangeIsAuditedThenSavedThenHeard() throws Exception {
        SettingsService service = service(Optional.of(log));
        DeskConfiguration next = fewerContracts();

        service.apply(next, catalog.changes(before, next), DeskRole.RISK_OFFICER, "drawdown review");

        assertThat(service.current()).isEqualTo(next);
        assertThat(new SettingsCodec().read(repository.file()).configuration().sizing().maxPositionSizeContracts()).isEqualTo(3);
        assertThat(heard).containsExactly(next);
        SettingsChangeRecord row = service.history().getFirst();
        assertThat(row.key()).isEqualTo("max_position_size");
        assertThat(row.oldValue()).isEqualTo("5");
        assertThat(row.newValue()).isEqualTo("3");
        assertThat(row.userName()).isEqualTo("desk-user");
        assertThat(row.userRole()).isEqualTo("Risk officer");
        assertThat(row.reason()).isEqualTo("drawdown review");
    }

    @Test
    void withoutAnAuditNoLimitChangesButDeskPreferencesStill() throws Exception {
        SettingsService service = service(Optional.empty());
        DeskConfiguration limit = fewerContracts();

        assertThatThrownBy(() -> service.apply(limit, catalog.changes(before, limit), DeskRole.RISK_OFFICER, "tighter"))
                .hasMessageContaining("must be audited").hasMessageContaining("not open");
        assertThat(heard).isEmpty();

        DeskConfiguration theme = lightTheme();
        service.apply(theme, catalog.changes(before, theme), DeskRole.TRADER, "");
        assertThat(service.current().desk().theme()).isEqualTo("light");
        assertThat(heard).containsExactly(theme);
    }
}
