package io.kellydesk.desk.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HealthAxesTest {

    @Test
    void minutesInWholeTicks() {
        // 1.25 minutes of history: the axis still spans 5 whole minutes in 1-minute ticks (never −1.25 … 0)
        assertThat(HealthAxes.minutesBack(1.25)).isEqualTo(new HealthAxes.Range(5, 1));
        assertThat(HealthAxes.minutesBack(12)).isEqualTo(new HealthAxes.Range(12, 1));
        assertThat(HealthAxes.minutesBack(13)).isEqualTo(new HealthAxes.Range(15, 5));
        assertThat(HealthAxes.minutesBack(120)).isEqualTo(new HealthAxes.Range(120, 10));
    }

    @Test
    void drawdownJustAboveTheTriggerNotToAHundredAndTwentyFive() {
        // a 30 % trigger and a flat 0 % drawdown: 0–35 % in 5 % steps (30 + 2 margin → next 5)
        assertThat(HealthAxes.percentUpTo(30)).isEqualTo(new HealthAxes.Range(35, 5));
        assertThat(HealthAxes.percentUpTo(0)).isEqualTo(new HealthAxes.Range(10, 5));
        assertThat(HealthAxes.percentUpTo(55)).isEqualTo(new HealthAxes.Range(60, 10));
        assertThat(HealthAxes.percentUpTo(99)).isEqualTo(new HealthAxes.Range(100, 10));
    }
}
