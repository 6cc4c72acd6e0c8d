package io.kellydesk.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kellydesk.core.PinAttempt;
import io.kellydesk.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Named officers: added at the terminal or taken from the firm's settings file, never twice. */
class OfficerRegistryTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));

    @Test
    void anOfficerFromTheFirmsSettingsFileUnlocksWithTheirPinAndADamagedOneIsNamed() throws Exception {
        // the firm made alice's hash on another desk PC: the same format this desk writes
        OfficerRegistry elsewhere = new OfficerRegistry(dir.resolve("elsewhere"), clock, 1_000);
        elsewhere.add("alice", "4711".toCharArray());
        JsonNode alice = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("elsewhere").resolve("alice.json")));
        JsonNode settings = JsonMapper.builder().build().readTree("{\"officers\": [" + alice.toString().replaceFirst("\\{", "{\"name\":\"alice\",")
                + ", {\"name\": \"bob\", \"salt\": \"\", \"hash\": \"\", \"iterations\": 0}]}");

        OfficerRegistry here = new OfficerRegistry(dir.resolve("here"), clock, 1_000);
        assertThat(here.provisionFrom(settings)).singleElement().asString().contains("bob").contains("salt, hash and iterations");

        assertThat(here.names()).containsExactly("alice");
        assertThat(here.verify("alice", "4711".toCharArray())).isInstanceOf(PinAttempt.Accepted.class);
        assertThat(here.verify("alice", "0000".toCharArray())).isInstanceOf(PinAttempt.Wrong.class);
        // a second start takes nothing again and keeps alice's state (her wrong try counted)
        assertThat(here.provisionFrom(settings)).hasSize(1);
        assertThat(here.verify("alice", "0000".toCharArray())).isEqualTo(new PinAttempt.Wrong(3));
    }

    @Test
    void namesAreCheckedAndNeverTakenTwice() {
        OfficerRegistry officers = new OfficerRegistry(dir.resolve("officers"), clock, 1_000);
        officers.add("bob", "0815".toCharArray());
        assertThatThrownBy(() -> officers.add("bob", "9999".toCharArray())).hasMessageContaining("already set up");
        assertThatThrownBy(() -> officers.add("../etc/passwd", "9999".toCharArray())).hasMessageContaining("letters, digits");
        assertThat(officers.verify("nobody", "0815".toCharArray())).isInstanceOf(PinAttempt.Wrong.class);
    }
}
