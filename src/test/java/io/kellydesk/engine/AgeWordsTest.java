package io.kellydesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AgeWordsTest {

    @Test
    void aTimestampJustAheadOfThisClockIsNowNotANegativeAge() {
        assertThat(AgeWords.of(Duration.ofMillis(-900))).isEqualTo("under 1 s");
        assertThat(AgeWords.of(Duration.ofMillis(-2000))).isEqualTo("under 1 s");
        assertThat(AgeWords.of(Duration.ofSeconds(-7))).isEqualTo("7 s ahead of this PC's clock");
        assertThat(AgeWords.of(Duration.ofMillis(400))).isEqualTo("under 1 s");
        assertThat(AgeWords.of(Duration.ofSeconds(42))).isEqualTo("42 s");
        assertThat(AgeWords.of(Duration.ofSeconds(185))).isEqualTo("3 min");
    }
}
