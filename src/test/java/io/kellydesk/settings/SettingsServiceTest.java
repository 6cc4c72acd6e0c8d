package io.kellydesk.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kellydesk.core.DeskConfiguration;
import io.kellydesk.core.PinAttempt;
import io.kellydesk.core.SettingsCatalog;
import io.kellydesk.core.SettingsChangeRecord;
import io.kellydesk.store.DecisionLog;
import io.kellydesk.store.SettingsAuditLog;
import io.kellydesk.store.StorageAlarm;
import io.kellydesk.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings service decides who may change what, without any window: named officers with PINs, the session and
 * its idle relock, reasons, risk raises and four-eyes; every refusal is an audit row. A real settings file, a real
 * SQLite decision log.
 */
class SettingsServiceTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final SettingsCatalog catalog = new SettingsCatalog();
    private final List<DeskConfiguration> heard = new CopyOnWriteArrayList<>();
    private DecisionLog log;
    private SettingsRepository repository;
    private OfficerRegistry officers;
    private DeskConfiguration before;

    @BeforeEach
    void open() throws Exception {
        repository = new SettingsRepository(dir.resolve("settings.json"));
        SettingsFiles.createWithDefaultsIfMissing(repository.file());
        before = new SettingsCodec().read(repository.file()).configuration();
        log = DecisionLog.open(dir.resolve("data"), clock, StorageAlarm.NONE);
        // 1,000 PBKDF2 iterations: these tests check the rules, not the hash's cost
        officers = new OfficerRegistry(dir.resolve("officers"), clock, 1_000);
        officers.add("alice", "4711".toCharArray());
        officers.add("bob", "0815".toCharArray());
    }

    @AfterEach
    void close() {
        log.close();
    }

    private SettingsService service(Optional<DecisionLog> audit, DeskConfiguration running) throws Exception {
        SettingsService service = new SettingsService(repository, new SettingsCodec().read(repository.file()), running,
                new SettingsAuditLog(audit), officers, clock, "desk-user");
        service.onApplied(heard::add);
        return service;
    }

    private SettingsService service() throws Exception {
        return service(Optional.of(log), before);
    }

    private DeskConfiguration with(DeskConfiguration base, String key, String text) {
        return catalog.check(base, Map.of(key, text)).configuration().orElseThrow();
    }

    private List<SettingsChangeRecord> refusals(SettingsService service) throws Exception {
        return service.history().stream().filter(r -> r.key().equals(SettingsChangeRecord.REFUSED)).toList();
    }

    @Test
    void aTraderCannotChangeALimitWhateverTheWindowShowsAndTheAttemptIsAudited() throws Exception {
        SettingsService service = service();
        String fileBefore = Files.readString(repository.file());
        DeskConfiguration fewer = with(before, "max_position_size", "3");

        assertThatThrownBy(() -> service.apply(fewer, catalog.changes(before, fewer), "tighter", SettingsService.Approval.NONE))
                .hasMessageContaining("only a risk officer");

        assertThat(service.current()).isEqualTo(before);
        assertThat(Files.readString(repository.file())).isEqualTo(fileBefore);
        assertThat(heard).isEmpty();
        assertThat(refusals(service)).singleElement().satisfies(r -> {
            assertThat(r.newValue()).isEqualTo("max_position_size");
            assertThat(r.userRole()).isEqualTo("Trader");
            assertThat(r.reason()).contains("only a risk officer");
        });
    }

    @Test
    void anExpiredSessionAndAMissingReasonAreRefusedAndAudited() throws Exception {
        SettingsService service = service();
        assertThat(service.unlock("alice", "4711".toCharArray())).isInstanceOf(PinAttempt.Accepted.class);
        DeskConfiguration fewer = with(before, "max_position_size", "3");

        assertThatThrownBy(() -> service.apply(fewer, catalog.changes(before, fewer), "  ", SettingsService.Approval.NONE))
                .hasMessageContaining("needs a reason");
        // the default relock is 120 s without input
        clock.advance(Duration.ofSeconds(before.desk().officerIdleRelockSeconds()));
        assertThatThrownBy(() -> service.apply(fewer, catalog.changes(before, fewer), "tighter", SettingsService.Approval.NONE))
                .hasMessageContaining("ran out after 120 s");

        assertThat(refusals(service)).extracting(SettingsChangeRecord::officer).containsExactly("", "alice"); // newest first
        assertThat(heard).isEmpty();
    }

    @Test
    void theOfficersChangeNamesTheOfficerAndIsAuditedSavedAndHeard() throws Exception {
        SettingsService service = service();
        assertThat(service.unlock("alice", "0000".toCharArray())).isInstanceOf(PinAttempt.Wrong.class);
        assertThat(service.unlockedOfficer()).isEmpty();
        service.unlock("alice", "4711".toCharArray());
        DeskConfiguration fewer = with(before, "max_position_size", "3");

        service.apply(fewer, catalog.changes(before, fewer), "drawdown review", SettingsService.Approval.NONE);

        assertThat(service.current()).isEqualTo(fewer);
        assertThat(new SettingsCodec().read(repository.file()).configuration().sizing().maxPositionSizeContracts()).isEqualTo(3);
        assertThat(heard).containsExactly(fewer);
        SettingsChangeRecord row = service.history().getFirst();
        assertThat(List.of(row.key(), row.oldValue(), row.newValue(), row.userName(), row.userRole(), row.reason(), row.officer()))
                .containsExactly("max_position_size", "5", "3", "desk-user", "Risk officer", "drawdown review", "alice");
    }

    @Test
    void aRaiseNeedsConfirmingAndIsRecordedWithOldNewAndRatio() throws Exception {
        SettingsService service = service();
        service.unlock("alice", "4711".toCharArray());
        DeskConfiguration fifty = with(before, "max_position_size", "50");

        assertThatThrownBy(() -> service.apply(fifty, catalog.changes(before, fifty), "new desk size", SettingsService.Approval.NONE))
                .hasMessageContaining("needs confirming").hasMessageContaining("5 → 50 (× 10)");
        service.apply(fifty, catalog.changes(before, fifty), "new desk size", SettingsService.Approval.confirmed());

        assertThat(service.history().getFirst().reason())
                .isEqualTo("new desk size · confirmed: Max contracts per position: 5 → 50 (× 10)");
    }

    @Test
    void underFourEyesARaiseNeedsASecondDifferentOfficersPinAndBothAreNamed() throws Exception {
        DeskConfiguration fourEyes = with(before, "desk.four_eyes", "true");
        SettingsService service = service(Optional.of(log), fourEyes);
        service.unlock("alice", "4711".toCharArray());
        DeskConfiguration fifty = with(fourEyes, "max_position_size", "50");
        var changes = catalog.changes(fourEyes, fifty);

        assertThatThrownBy(() -> service.apply(fifty, changes, "new desk size", SettingsService.Approval.confirmed()))
                .hasMessageContaining("second risk officer");
        assertThatThrownBy(() -> service.apply(fifty, changes, "new desk size",
                SettingsService.Approval.withSecondOfficer("alice", "4711".toCharArray()))).hasMessageContaining("someone other than alice");
        assertThatThrownBy(() -> service.apply(fifty, changes, "new desk size",
                SettingsService.Approval.withSecondOfficer("bob", "9999".toCharArray()))).hasMessageContaining("not accepted");
        assertThat(heard).isEmpty();

        service.apply(fifty, changes, "new desk size", SettingsService.Approval.withSecondOfficer("bob", "0815".toCharArray()));
        SettingsChangeRecord row = service.history().getFirst();
        assertThat(List.of(row.officer(), row.secondOfficer())).containsExactly("alice", "bob");
        assertThat(refusals(service)).hasSize(3);
    }

    @Test
    void withNoOfficerSetUpLimitsAreReadOnlyForEveryoneAndThePanelIsToldHowToAddOne() throws Exception {
        officers = new OfficerRegistry(dir.resolve("nobody"), clock, 1_000);
        SettingsService service = service();
        DeskConfiguration fewer = with(before, "max_position_size", "3");
        assertThat(service.officers()).isEmpty();
        assertThatThrownBy(() -> service.apply(fewer, catalog.changes(before, fewer), "tighter", SettingsService.Approval.NONE))
                .hasMessageContaining("no risk officer is set up").hasMessageContaining("--add-officer");
    }

    @Test
    void withoutAnAuditNoLimitChangesButTraderPreferencesStill() throws Exception {
        SettingsService service = service(Optional.empty(), before);
        service.unlock("alice", "4711".toCharArray());
        DeskConfiguration limit = with(before, "max_position_size", "3");
        assertThatThrownBy(() -> service.apply(limit, catalog.changes(before, limit), "tighter", SettingsService.Approval.NONE))
                .hasMessageContaining("must be audited").hasMessageContaining("not open");

        DeskConfiguration theme = with(before, "desk.theme", "light");
        service.apply(theme, catalog.changes(before, theme), "", SettingsService.Approval.NONE);
        assertThat(service.current().desk().theme()).isEqualTo("light");
        assertThat(heard).containsExactly(theme);
    }

    @Test
    void handOffModeAndTheRelockTimeBelongToTheOfficer() throws Exception {
        SettingsService service = service();
        for (Map.Entry<String, String> officerOnly : Map.of("desk.one_click_handoff", "true", "desk.officer_relock_idle_s", "3600",
                "desk.four_eyes", "true", "services.market_data.base_url", "http://127.0.0.1:1").entrySet()) {
            DeskConfiguration next = with(before, officerOnly.getKey(), officerOnly.getValue());
            assertThatThrownBy(() -> service.apply(next, catalog.changes(before, next), "why not", SettingsService.Approval.NONE))
                    .as(officerOnly.getKey()).hasMessageContaining("only a risk officer");
        }
    }
}
