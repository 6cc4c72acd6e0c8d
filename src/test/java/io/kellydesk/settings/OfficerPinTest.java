package io.kellydesk.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kellydesk.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfficerPinTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));

    /** Few iterations keep the test quick; the stored count is what verification uses. */
    private OfficerPin pin() {
        return new OfficerPin(dir.resolve("officer-pin.json"), clock, 1_000);
    }

    @Test
    void aPinIsStoredAsASaltedHashAndNeverAsText() throws Exception {
        OfficerPin pin = pin();
        assertThat(pin.isSet()).isFalse();
        pin.setFirst("4711".toCharArray());
        String stored = Files.readString(dir.resolve("officer-pin.json"));
        assertThat(stored).doesNotContain("4711").contains("PBKDF2WithHmacSHA256").contains("\"salt\"");
        assertThat(pin.verify("4711".toCharArray())).isInstanceOf(io.kellydesk.core.PinAttempt.Accepted.class);
        assertThatThrownBy(() -> pin.setFirst("9999".toCharArray())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new OfficerPin(dir.resolve("other.json"), clock, 1_000).setFirst("12".toCharArray()))
                .hasMessageContaining("at least 4");
    }

    @Test
    void fiveWrongTriesLockForFiveMinutesEvenAcrossARestart() {
        pin().setFirst("4711".toCharArray());
        for (int left = 4; left >= 1; left--) {
            assertThat(pin().verify("0000".toCharArray())).isEqualTo(new io.kellydesk.core.PinAttempt.Wrong(left));
        }
        Instant lockedAt = clock.instant();
        assertThat(pin().verify("0000".toCharArray())).isEqualTo(new io.kellydesk.core.PinAttempt.LockedOut(lockedAt.plus(Duration.ofMinutes(5))));
        // a fresh instance (a restart) reads the lock-out from the file; even the right PIN is refused
        clock.advance(Duration.ofMinutes(4));
        assertThat(pin().verify("4711".toCharArray())).isInstanceOf(io.kellydesk.core.PinAttempt.LockedOut.class);
        assertThat(pin().lockedUntil()).contains(lockedAt.plus(Duration.ofMinutes(5)));
        clock.advance(Duration.ofMinutes(1));
        assertThat(pin().lockedUntil()).isEmpty();
        assertThat(pin().verify("4711".toCharArray())).isInstanceOf(io.kellydesk.core.PinAttempt.Accepted.class);
    }

    @Test
    void aRightPinResetsTheCountOfWrongOnes() {
        pin().setFirst("4711".toCharArray());
        pin().verify("1".toCharArray());
        pin().verify("2".toCharArray());
        pin().verify("4711".toCharArray());
        assertThat(pin().verify("3".toCharArray())).isEqualTo(new io.kellydesk.core.PinAttempt.Wrong(4));
    }

    @Test
    void theSessionRelocksAfterIdleTimeAndInputKeepsItOpen() {
        OfficerSession session = new OfficerSession(clock, Duration.ofSeconds(120));
        assertThat(session.isUnlocked()).isFalse();
        session.unlock("alice");
        clock.advance(Duration.ofSeconds(100));
        session.touch();
        clock.advance(Duration.ofSeconds(100));
        assertThat(session.isUnlocked()).isTrue();
        assertThat(session.remaining()).isEqualTo(Duration.ofSeconds(20));
        clock.advance(Duration.ofSeconds(20));
        assertThat(session.isUnlocked()).isFalse();
        session.touch();
        assertThat(session.isUnlocked()).isFalse();
    }
}
