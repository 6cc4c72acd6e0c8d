package io.kellydesk.desk.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.scene.shape.Polyline;
import org.junit.jupiter.api.Test;

class SparklineTest {

    private static final Instant NOW = Instant.parse("2026-11-23T14:00:00Z");

    private static List<Double> points(Sparkline s) {
        return ((Polyline) s.node().getChildren().get(1)).getPoints();
    }

    @Test
    void keepsTheLastHourInThirtySecondBucketsAndScalesToTheHoursHighest() {
        Sparkline s = new Sparkline(120, 22);
        s.add(NOW.minus(Duration.ofMinutes(90)), 0.30); // older than an hour: dropped
        s.add(NOW.minus(Duration.ofMinutes(60)), 0.10); // the window's first bucket
        s.add(NOW.minus(Duration.ofSeconds(10)), 0.05);
        s.add(NOW.minus(Duration.ofSeconds(5)), 0.20); // same 30 s bucket as the one before: replaces it
        assertThat(s.points()).as("nothing drawn before the flush").isZero();
        s.flush(NOW);
        assertThat(s.points()).isEqualTo(2);
        List<Double> xy = points(s);
        // x: the first bucket at 0, the newest bucket (60 of 120 buckets before now = 1 bucket back) near the right edge
        assertThat(xy.get(0)).isEqualTo(0.0);
        assertThat(xy.get(2)).isEqualTo(119 / 120.0 * 120, org.assertj.core.api.Assertions.within(1e-9));
        // y: the highest value (0.20) touches the top (height − 1 − 1 × 20 = 1), 0.10 sits half way (22 − 1 − 10 = 11)
        assertThat(xy.get(3)).isEqualTo(1.0);
        assertThat(xy.get(1)).isEqualTo(11.0);
    }

    @Test
    void seededHistoryNeverReplacesWhatTheTileAlreadyShows() {
        Sparkline s = new Sparkline(120, 22);
        s.add(NOW, 0.12);
        s.flush(NOW);
        s.seed(List.of(NOW, NOW.minus(Duration.ofMinutes(5))), List.of(0.99, 0.06), NOW);
        assertThat(s.points()).isEqualTo(2);
        // 0.12 is still the highest: it stays at the top; the seeded 0.06 half way
        assertThat(points(s).get(3)).isEqualTo(1.0);
        assertThat(points(s).get(1)).isEqualTo(11.0);
    }
}
