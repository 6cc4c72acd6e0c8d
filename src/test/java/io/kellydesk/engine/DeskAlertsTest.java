package io.kellydesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.kellydesk.core.AlertKind;
import io.kellydesk.core.AlertPreferences;
import io.kellydesk.core.ServiceHealth.CircuitState;
import io.kellydesk.core.Direction;
import io.kellydesk.core.HandoffRecord;
import io.kellydesk.core.HandoffStatus;
import io.kellydesk.core.HandoffTarget;
import io.kellydesk.core.KellySizer;
import io.kellydesk.core.OrderSide;
import io.kellydesk.core.Recommendation;
import io.kellydesk.core.ServiceHealth;
import io.kellydesk.core.ServiceState;
import io.kellydesk.core.SizingFixtures;
import io.kellydesk.core.UpstreamService;
import io.kellydesk.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DeskAlertsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T14:00:00Z"));
    private final List<DeskAlerts.Alert> shown = new ArrayList<>();
    private final AtomicReference<AlertPreferences> preferences = new AtomicReference<>(AlertPreferences.defaults());
    private final DeskAlerts alerts = new DeskAlerts(clock, preferences::get, shown::add);

    private static final Recommendation TRADE = KellySizer.recommend(SizingFixtures.workedExample(), SizingFixtures.defaults());
    private static final Recommendation NO_TRADE = KellySizer.recommend(SizingFixtures.simple(Direction.LONG, 0.52, 100_000),
            SizingFixtures.defaults());

    private static ServiceHealth health(ServiceState state) {
        return new ServiceHealth(UpstreamService.LSTM, state, "", "", 10, 1, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("connection refused"), Optional.empty(), Optional.empty(), CircuitState.CLOSED);
    }

    @Test
    void aSymbolTurningTradeAlertsOncePerMinuteHoweverOftenItFlaps() {
        alerts.recommendation(NO_TRADE);
        assertThat(shown).isEmpty(); // a NO TRADE is nothing to act on
        alerts.recommendation(TRADE);
        assertThat(shown).extracting(DeskAlerts.Alert::kind).containsExactly(AlertKind.NEW_TRADE);
        assertThat(shown.getFirst().title()).isEqualTo("NQZ26-CME turned TRADE");
        alerts.recommendation(TRADE);
        assertThat(shown).hasSize(1); // the same TRADE again: no news
        for (int i = 0; i < 5; i++) { // flapping for 50 s: no second alert within the minute
            clock.advance(Duration.ofSeconds(10));
            alerts.recommendation(NO_TRADE);
            alerts.recommendation(TRADE);
        }
        assertThat(shown).hasSize(1);
        clock.advance(Duration.ofSeconds(10)); // 60 s after the first
        alerts.recommendation(NO_TRADE);
        alerts.recommendation(TRADE);
        assertThat(shown).hasSize(2);
    }

    @Test
    void theLimitIsPerSubjectAndKind() {
        alerts.recommendation(TRADE);
        alerts.service(health(ServiceState.OK));
        alerts.service(health(ServiceState.DOWN));
        alerts.emergency(true, 0.31);
        assertThat(shown).extracting(DeskAlerts.Alert::kind).containsExactly(AlertKind.NEW_TRADE, AlertKind.SERVICE_DOWN, AlertKind.EMERGENCY);
        alerts.service(health(ServiceState.OK));
        assertThat(shown).extracting(DeskAlerts.Alert::kind).endsWith(AlertKind.SERVICE_UP); // another kind: not held back
        alerts.service(health(ServiceState.DOWN));
        assertThat(shown).hasSize(4); // down again within the minute: held back
    }

    @Test
    void aKindSwitchedOffRaisesNothingAndTheSoundFollowsThePreference() {
        preferences.set(new AlertPreferences(false, true, true, true, true));
        alerts.recommendation(TRADE);
        assertThat(shown).isEmpty();
        alerts.emergency(true, 0.31);
        assertThat(shown).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.EMERGENCY);
            assertThat(a.sound()).isTrue();
        });
    }

    @Test
    void aHandoffAlertsWhenRejectedOrFailedNotWhenAccepted() {
        HandoffRecord sent = new HandoffRecord("KD-1", "NQZ26-CME", OrderSide.BUY, 2, HandoffTarget.ENGINE, "{}", HandoffStatus.SENDING,
                Optional.empty(), Optional.empty(), "trader", clock.instant(), clock.instant());
        alerts.handoff(sent);
        alerts.handoff(sent.with(HandoffStatus.ACCEPTED, Optional.of("E-1"), Optional.empty(), clock.instant()));
        assertThat(shown).isEmpty();
        HandoffRecord other = new HandoffRecord("KD-2", "NQZ26-CME", OrderSide.BUY, 2, HandoffTarget.ENGINE, "{}", HandoffStatus.SENDING,
                Optional.empty(), Optional.empty(), "trader", clock.instant(), clock.instant());
        alerts.handoff(other.with(HandoffStatus.REJECTED, Optional.empty(), Optional.of("risk check failed"), clock.instant()));
        assertThat(shown).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.HANDOFF_FAILED);
            assertThat(a.title()).isEqualTo("Hand-off rejected: BUY 2 NQZ26-CME");
            assertThat(a.text()).startsWith("risk check failed");
        });
    }
}
