package io.kellydesk.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kellydesk.core.SettingsValidator;
import io.kellydesk.core.SizingSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFilesTest {

    @TempDir
    Path dir;

    private final SettingsCodec codec = new SettingsCodec();

    private static String resource(String name) throws IOException {
        try (InputStream in = SettingsFilesTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String seed() throws IOException {
        return resource("firm-seed-settings.json");
    }

    @Test
    void theFirmsSeedFileLoadsAsItIsAndValidatesClean() throws Exception {
        LoadedSettings loaded = codec.parse(seed(), Path.of("seed.json"));
        SizingSettings s = loaded.sizing();
        assertThat(s.maxKellyFraction()).isEqualTo(0.25);
        assertThat(s.maxPositionSizeContracts()).isEqualTo(5);
        assertThat(s.emergencyReductionTrigger()).isEqualTo(0.3);
        assertThat(s.lstmWeight()).isEqualTo(0.4);
        // keys the seed lacks take the spec's defaults
        assertThat(s.kellyMultiplier()).isEqualTo(0.5);
        assertThat(s.payoffPriorStrength()).isEqualTo(20);
        assertThat(s.maxPredictionAgeSeconds()).isEqualTo(60);
        assertThat(s).isEqualTo(SizingSettings.defaults());
        assertThat(loaded.unknownKeys()).isEmpty();
        assertThat(SettingsValidator.validate(s).issues()).isEmpty();
    }

    @Test
    void theBundledDefaultsFileMatchesTheDefaults() throws Exception {
        LoadedSettings loaded = codec.parse(resource("default-settings.json"), Path.of("default-settings.json"));
        assertThat(loaded.sizing()).isEqualTo(SizingSettings.defaults());
        assertThat(loaded.unknownKeys()).isEmpty();
    }

    @Test
    void aCorruptCopyGivesTheLineAndColumn() throws Exception {
        // drop the comma after "max_portfolio_risk": 0.20 (line 6 of the seed); the parser stops on line 7
        String corrupt = seed().replace("\"max_portfolio_risk\": 0.20,", "\"max_portfolio_risk\": 0.20");
        assertThatThrownBy(() -> codec.parse(corrupt, Path.of("settings.json")))
                .isInstanceOf(SettingsFileException.class)
                .hasMessageStartingWith("settings.json line 7, column")
                .satisfies(e -> assertThat(((SettingsFileException) e).line()).isEqualTo(7));
    }

    @Test
    void aWrongTypeNamesTheKeyAndWhereItStands() throws Exception {
        String wrong = seed().replace("\"max_position_size\": 5,", "\"max_position_size\": \"five\",");
        assertThatThrownBy(() -> codec.parse(wrong, Path.of("settings.json")))
                .hasMessageContaining("line 13, column 13")
                .hasMessageContaining("\"max_position_size\" must be a whole number, was \"five\"");
        String fractional = seed().replace("\"max_position_size\": 5,", "\"max_position_size\": 5.5,");
        assertThatThrownBy(() -> codec.parse(fractional, Path.of("s.json"))).hasMessageContaining("whole number");
    }

    @Test
    void unknownKeysAreKeptReportedAndWrittenBack() throws Exception {
        String extra = seed().replace("\"win_loss_lookback_days\": 30,", "\"win_loss_lookback_days\": 30, \"legacy_mode\": true,")
                .replaceFirst("\\{", "{ \"owner\": \"risk desk\",");
        LoadedSettings loaded = codec.parse(extra, Path.of("s.json"));
        assertThat(loaded.unknownKeys()).containsExactlyInAnyOrder("owner", "kelly_calculator.legacy_mode");
        String written = codec.format(loaded.sizing().withMaxPositionSizeContracts(2), loaded.tree());
        LoadedSettings reread = codec.parse(written, Path.of("s.json"));
        assertThat(reread.sizing().maxPositionSizeContracts()).isEqualTo(2);
        assertThat(reread.unknownKeys()).containsExactlyInAnyOrder("owner", "kelly_calculator.legacy_mode");
    }

    @Test
    void savingIsAtomicAndKeepsTheOldFileAsABackup() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, seed());
        SettingsRepository repo = new SettingsRepository(file);
        LoadedSettings loaded = repo.loadForStartup().settings().orElseThrow();
        repo.save(loaded.sizing().withMaxPositionSizeContracts(2), loaded);
        assertThat(codec.read(file).sizing().maxPositionSizeContracts()).isEqualTo(2);
        assertThat(Files.readString(repo.backupFile())).isEqualTo(seed());
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
        assertThatThrownBy(() -> repo.save(KellyWeights.invalid(), loaded)).isInstanceOf(IllegalArgumentException.class);
        assertThat(codec.read(file).sizing().maxPositionSizeContracts()).as("a refused save changes nothing").isEqualTo(2);
    }

    @Test
    void aBrokenFileAtStartupFallsBackToTheLastGoodSettingsAndSaysSo() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, seed().replace("\"max_position_size\": 5,", "\"max_position_size\": 3,"));
        SettingsRepository repo = new SettingsRepository(file);
        assertThat(repo.loadForStartup().fromLastGood()).isFalse();
        assertThat(repo.lastGoodFile()).exists();

        Files.writeString(file, seed().replace("\"lstm\": 0.4,", "\"lstm\": 0.4"));   // comma dropped on line 9: the parser stops at line 10
        SettingsRepository.Startup startup = repo.loadForStartup();
        assertThat(startup.fromLastGood()).isTrue();
        assertThat(startup.settings().orElseThrow().sizing().maxPositionSizeContracts()).isEqualTo(3);
        assertThat(startup.problem().orElseThrow()).contains("line 10").contains("last good");
    }

    @Test
    void withoutALastGoodCopyTheDeskSizesNothingRatherThanUseDefaults() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, seed().replace("\"lstm\": 0.4,", "\"lstm\": 0.5,"));  // weights sum to 1.1
        SettingsRepository.Startup startup = new SettingsRepository(file).loadForStartup();
        assertThat(startup.settings()).isEmpty();
        assertThat(startup.problem().orElseThrow()).contains("model_weights").contains("sizes nothing");
    }

    @Test
    void firstRunCreatesTheCommentedDefaults() throws Exception {
        Path file = dir.resolve("nested/settings.json");
        SettingsFiles.createWithDefaultsIfMissing(file);
        assertThat(Files.readString(file)).contains("# Kelly Desk settings");
        assertThat(codec.read(file).sizing()).isEqualTo(SizingSettings.defaults());
    }

    /** Settings the validator refuses. */
    private static final class KellyWeights {
        static SizingSettings invalid() {
            SizingSettings d = SizingSettings.defaults();
            return new SizingSettings(d.maxKellyFraction(), d.minKellyFraction(), d.kellyMultiplier(), d.confidenceThreshold(),
                    d.maxPortfolioRisk(), d.winLossLookbackDays(), d.payoffPrior(), d.payoffPriorStrength(),
                    d.calibrationMinOutcomes(), d.maxPredictionAgeSeconds(), 0.5, 0.6, d.maxPositionSizeContracts(),
                    d.maxCorrelationExposure(), d.emergencyReductionTrigger(), d.emergencyReductionFactor(),
                    d.minLossesForRisk(), d.stopAtrMultiple(), d.correlationLookbackBars(), d.correlationThreshold());
        }
    }
}
