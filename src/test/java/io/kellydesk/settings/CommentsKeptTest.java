package io.kellydesk.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.kellydesk.core.DeskConfiguration;
import io.kellydesk.core.SettingsCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving keeps the firm's file readable: its # comments, order and spacing stay; only changed values are rewritten. */
class CommentsKeptTest {

    @TempDir
    Path dir;

    /** The firm's own format: # comments on their own lines and after values, a key this desk does not know, no four_eyes. */
    private static final String FIRM_FILE = """
            # Kelly calculator settings — owned by Risk (R. Okafor), reviewed quarterly.
            {
                "kelly_calculator": {
                    "max_kelly_fraction": 0.25,   # hard cap per trade
                    "kelly_multiplier": 0.5,      # half Kelly, per policy RP-7
                    "legacy_mode": "off",         # read by the old calculator only
                    "max_portfolio_risk": 0.20,
                    "risk_constraints": {
                        # position limits
                        "max_position_size": 5
                    }
                },
                "desk": {
                    "watchlist": ["NQ", "ES"],    # the desk's favourites first
                    "theme": "dark"
                }
            }
            """;

    @Test
    void theFirmsCommentsStayWhereTheKeysStayAndOnlyTheChangedValuesAreRewritten() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, FIRM_FILE);
        SettingsRepository repository = new SettingsRepository(file);
        LoadedSettings base = new SettingsCodec().read(file);
        SettingsCatalog catalog = new SettingsCatalog();
        DeskConfiguration edited = catalog.check(base.configuration(), Map.of("max_position_size", "3", "desk.theme", "light",
                "desk.watchlist", "CL, NQ", "desk.four_eyes", "true")).configuration().orElseThrow();

        repository.save(edited, base);
        String saved = Files.readString(file);

        for (String comment : List.of("# Kelly calculator settings — owned by Risk (R. Okafor), reviewed quarterly.",
                "# hard cap per trade", "# half Kelly, per policy RP-7", "# read by the old calculator only",
                "# position limits", "# the desk's favourites first")) {
            assertThat(saved).as("comment kept").contains(comment);
        }
        assertThat(saved).contains("\"max_position_size\": 3\n").contains("\"theme\": \"light\"")
                .contains("\"watchlist\": [\"CL\",\"NQ\"],    # the desk's favourites first")
                .contains("\"kelly_multiplier\": 0.5,      # half Kelly, per policy RP-7")
                .contains("\"legacy_mode\": \"off\"");
        // a key the file lacked goes on a line of its own at the top of its object, indented as its neighbours
        assertThat(saved).contains("\n        \"four_eyes\": true,\n");
        LoadedSettings reread = new SettingsCodec().read(file);
        assertThat(reread.configuration()).isEqualTo(edited);
        assertThat(reread.configuration().desk().fourEyes()).as("a key the file lacked is added").isTrue();
        assertThat(reread.unknownKeys()).containsExactly("kelly_calculator.legacy_mode");
    }
}
