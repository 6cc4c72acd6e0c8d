package io.kellydesk.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kellydesk.core.AlertPreferences;
import io.kellydesk.core.DeskConfiguration;
import io.kellydesk.core.SettingsCatalog;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The trader's time zone and alerts in the settings file and in the settings form. */
class DeskPreferencesFileTest {

    private final SettingsCodec codec = new SettingsCodec();

    /** A whole settings file (the defaults) whose desk section is {@code desk}. */
    private String withDesk(String desk) throws Exception {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(codec.format(DeskConfiguration.defaults(), (com.fasterxml.jackson.databind.node.ObjectNode) null));
        tree.set("desk", new com.fasterxml.jackson.databind.ObjectMapper().readTree(desk));
        return tree.toString();
    }

    @Test
    void theZoneAndTheAlertsReadAndWriteBack() throws Exception {
        String text = withDesk("{ \"time_zone\": \"Europe/London\", \"alert_trade\": false, \"alert_sound\": true }");
        LoadedSettings loaded = codec.parse(text, Path.of("s.json"));
        assertThat(loaded.configuration().desk().zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(loaded.configuration().desk().alerts()).isEqualTo(new AlertPreferences(false, true, true, true, true));
        LoadedSettings reread = codec.parse(codec.format(loaded.configuration(), loaded), Path.of("s.json"));
        assertThat(reread.configuration().desk()).isEqualTo(loaded.configuration().desk());
    }

    @Test
    void withoutThemTheDeskShowsUtcAndRaisesEveryAlertWithoutSound() throws Exception {
        LoadedSettings loaded = codec.parse(withDesk("{}"), Path.of("s.json"));
        assertThat(loaded.configuration().desk().zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(loaded.configuration().desk().alerts()).isEqualTo(AlertPreferences.defaults());
    }

    @Test
    void aZoneJavaDoesNotKnowIsRefusedWithItsKey() {
        assertThatThrownBy(() -> codec.parse(withDesk("{ \"time_zone\": \"Mars/Olympus\" }"), Path.of("s.json")))
                .hasMessageContaining("time_zone");
        SettingsCatalog catalog = new SettingsCatalog();
        var check = catalog.check(DeskConfiguration.defaults(), Map.of("desk.time_zone", "Mars/Olympus"));
        assertThat(check.configuration()).isEmpty();
        assertThat(check.issuesFor("desk.time_zone")).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("Mars/Olympus"));
        assertThat(catalog.check(DeskConfiguration.defaults(), Map.of("desk.time_zone", "local")).configuration()).isPresent();
    }
}
