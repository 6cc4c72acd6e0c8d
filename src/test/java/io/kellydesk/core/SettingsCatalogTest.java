package io.kellydesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.kellydesk.settings.SettingsRepository;
import io.kellydesk.settings.SettingsCodec;
import io.kellydesk.settings.LoadedSettings;
import io.kellydesk.settings.SettingsFiles;

class SettingsCatalogTest {

    @TempDir
    Path dir;

    private final SettingsCatalog catalog = new SettingsCatalog();
    private final DeskConfiguration defaults = DeskConfiguration.defaults();

    @Test
    void theTextsOfAConfigurationReadBackAsTheSameConfiguration() {
        SettingsCatalog.Check check = catalog.check(defaults, catalog.texts(defaults));
        assertThat(check.issues()).isEmpty();
        assertThat(check.configuration()).contains(defaults);
        // numbers read as typed: 5 not 5.0; fractions as the desk shows them, in percent: 0.25 is 25, 0.15 is 15
        // (not 15.000000000000002, which 0.15 × 100 gives in binary floating point)
        assertThat(catalog.texts(defaults)).containsEntry("max_kelly_fraction", "25").containsEntry("max_position_size", "5")
                .containsEntry("max_prediction_age_s", "60").containsEntry("max_correlation_exposure", "15");
        assertThat(catalog.check(defaults, Map.of("max_correlation_exposure", "12.5 %")).configuration().orElseThrow()
                .sizing().maxCorrelationExposure()).isEqualTo(0.125);
        assertThat(catalog.field("max_kelly_fraction").auditText("25")).isEqualTo("25 %");
    }

    @Test
    void everySectionHasFieldsAndOnlyDeskIsTheTradersOwn() {
        for (SettingsSection section : SettingsSection.values()) {
            assertThat(catalog.fields()).anyMatch(f -> f.section() == section);
        }
        assertThat(catalog.field("max_position_size").section().officerOnly()).isTrue();
        assertThat(catalog.field("model_weights.lstm").section()).isEqualTo(SettingsSection.MODELS);
        assertThat(catalog.field("desk.watchlist").section().officerOnly()).isFalse();
    }

    @Test
    void weightsThatDoNotSumToOneAreAnErrorOnBothWeightFields() {
        // 0.5 + 0.6 = 1.1, off by 0.1 > the 0.001 tolerance
        SettingsCatalog.Check check = catalog.check(defaults, Map.of("model_weights.lstm", "0.5", "model_weights.ensemble", "0.6"));
        assertThat(check.configuration()).isEmpty();
        assertThat(check.issuesFor("model_weights.lstm")).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("sum to 1").contains("1.1"));
        assertThat(check.issuesFor("model_weights.ensemble")).hasSize(1);
    }

    @Test
    void aMaxFractionAboveHalfIsAWarningNotAnError() {
        SettingsCatalog.Check check = catalog.check(defaults, Map.of("max_kelly_fraction", "60"));
        assertThat(check.errors()).isEmpty();
        assertThat(check.warnings()).singleElement().satisfies(w -> {
            assertThat(w.key()).isEqualTo("max_kelly_fraction");
            assertThat(w.message()).contains("more than half the equity");
        });
        assertThat(check.configuration().orElseThrow().sizing().maxKellyFraction()).isEqualTo(0.6);
    }

    @Test
    void textThatIsNotANumberIsAnErrorOnItsFieldAndNothingElse() {
        SettingsCatalog.Check check = catalog.check(defaults, Map.of("max_position_size", "2.5", "kelly_multiplier", "abc"));
        assertThat(check.issues()).extracting(SettingsIssue::key).containsExactlyInAnyOrder("max_position_size", "kelly_multiplier");
        assertThat(check.issuesFor("kelly_multiplier").getFirst().message()).isEqualTo("\"abc\" is not a number");
        assertThat(check.issuesFor("max_position_size").getFirst().message()).isEqualTo("\"2.5\" is not a whole number");
    }

    @Test
    void servicesAndDeskFieldsAreCheckedToo() {
        SettingsCatalog.Check check = catalog.check(defaults, Map.of(
                "services.lstm.base_url", "ftp://models", "services.poll_quotes_ms", "0",
                "desk.watchlist", "NQ, es, NQ", "desk.handoff_target", "folder", "desk.handoff_folder", "relative/dir"));
        assertThat(check.issuesFor("services.lstm.base_url").getFirst().message()).contains("http://");
        assertThat(check.issuesFor("services.poll_quotes_ms").getFirst().message()).contains("between 1 and 3600000");
        assertThat(check.issuesFor("desk.watchlist").getFirst().message()).isEqualTo("NQ is listed twice");
        assertThat(check.issuesFor("desk.handoff_folder").getFirst().message()).contains("absolute");
    }

    @Test
    void aValidDeskEditGivesTheValuesInOrder() {
        SettingsCatalog.Check check = catalog.check(defaults, Map.of("desk.watchlist", "cl, NQ es", "desk.handoff_target", "clipboard",
                "services.ensemble.base_url", "https://models.example:8443/", "services.ensemble.token", "s3cret"));
        DeskConfiguration config = check.configuration().orElseThrow();
        assertThat(config.desk().watchlist()).containsExactly("CL", "NQ", "ES");
        assertThat(config.desk().handoffTarget()).isEqualTo(HandoffTarget.CLIPBOARD);
        assertThat(config.services().endpoints()).hasSize(1);
        assertThat(catalog.changes(defaults, config)).extracting(c -> c.field().key())
                .containsExactly("services.ensemble.base_url", "services.ensemble.token", "desk.watchlist", "desk.handoff_target");
        assertThat(catalog.field("services.ensemble.token").auditText("s3cret")).doesNotContain("s3cret");
    }

    @Test
    void aWholeConfigurationRoundTripsThroughTheFile() throws Exception {
        SettingsRepository repository = new SettingsRepository(dir.resolve("settings.json"));
        SettingsFiles.createWithDefaultsIfMissing(repository.file());
        LoadedSettings base = new SettingsCodec().read(repository.file());
        DeskConfiguration edited = catalog.check(base.configuration(), Map.of("max_position_size", "2", "desk.watchlist", "ES, NQ",
                "desk.one_click_handoff", "true", "services.market_data.base_url", "http://127.0.0.1:9000")).configuration().orElseThrow();
        repository.save(edited, base);
        LoadedSettings reread = new SettingsCodec().read(repository.file());
        assertThat(reread.configuration()).isEqualTo(edited);
        assertThat(reread.unknownKeys()).isEmpty();
        assertThat(Files.exists(repository.backupFile())).isTrue();
    }

    @Test
    void anImportWithProblemsIsRefusedWithTheListAndAGoodOneIsOffered() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, """
                {"kelly_calculator": {"max_kelly_fraction": 0.25, "model_weights": {"lstm": 0.5, "ensemble": 0.6},
                 "risk_constraints": {"max_position_size": -1}}}
                """);
        SettingsCatalog.Check refused = SettingsRepository.checkImport(bad, catalog);
        assertThat(refused.configuration()).isEmpty();
        assertThat(refused.errors()).extracting(SettingsIssue::key)
                .contains("model_weights.lstm", "model_weights.ensemble", "max_position_size");

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"kelly_calculator\": {\"max_kelly_fraction\": }");
        assertThat(SettingsRepository.checkImport(broken, catalog).errors()).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("broken.json"));

        Path good = dir.resolve("good.json");
        Files.writeString(good, "{\"kelly_calculator\": {\"risk_constraints\": {\"max_position_size\": 3}}}");
        assertThat(SettingsRepository.checkImport(good, catalog).configuration().orElseThrow().sizing().maxPositionSizeContracts()).isEqualTo(3);
    }
}
