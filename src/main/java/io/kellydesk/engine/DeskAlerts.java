package io.kellydesk.engine;

import io.kellydesk.core.AlertKind;
import io.kellydesk.core.AlertPreferences;
import io.kellydesk.core.HandoffRecord;
import io.kellydesk.core.HandoffStatus;
import io.kellydesk.core.Recommendation;
import io.kellydesk.core.ServiceHealth;
import io.kellydesk.core.ServiceState;
import io.kellydesk.core.UpstreamService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a trader must act on, as alerts: a symbol that turns TRADE (or whose target changes while it is one), the
 * emergency cut coming into force, a service going down or coming back, a handoff rejected or failed. Each kind can
 * be switched off in the Desk settings; at most one alert per subject (symbol, service) per kind per minute, so a
 * flapping input cannot flood the screen. The rules only; the desk shows what it is told. Thread-safe.
 */
public final class DeskAlerts implements AutoCloseable {

    /** One notification: what it is about, its subject (symbol or service), a title and a line. */
    public record Alert(AlertKind kind, String subject, String title, String text, Instant at, boolean sound) {
    }

    public static final Duration PER_SUBJECT_AND_KIND = Duration.ofMinutes(1);

    private final Clock clock;
    private final Supplier<AlertPreferences> preferences;
    private final Consumer<Alert> sink;
    private final Map<String, Recommendation> lastRecommendation = new HashMap<>();
    private final Map<UpstreamService, ServiceState> lastState = new EnumMap<>(UpstreamService.class);
    private final Map<String, Instant> lastAlert = new HashMap<>();
    private final Map<String, HandoffStatus> lastHandoff = new HashMap<>();
    private boolean emergency;
    private final List<EventBus.Subscription> subscriptions = new ArrayList<>();

    public DeskAlerts(Clock clock, Supplier<AlertPreferences> preferences, Consumer<Alert> sink) {
        this.clock = Objects.requireNonNull(clock);
        this.preferences = Objects.requireNonNull(preferences);
        this.sink = Objects.requireNonNull(sink);
    }

    /** Follows the engine's events from now on. */
    public DeskAlerts follow(EventBus bus) {
        subscriptions.add(bus.subscribe(DeskEvent.RecommendationChanged.class, e -> recommendation(e.snapshot().recommendation())));
        subscriptions.add(bus.subscribe(DeskEvent.EmergencyChanged.class, e -> emergency(e.emergency(), e.drawdownFraction())));
        subscriptions.add(bus.subscribe(DeskEvent.ServiceHealthChanged.class, e -> service(e.health())));
        subscriptions.add(bus.subscribe(DeskEvent.HandoffChanged.class, e -> handoff(e.handoff())));
        return this;
    }

    @Override
    public void close() {
        subscriptions.forEach(EventBus.Subscription::close);
        subscriptions.clear();
    }

    public synchronized void recommendation(Recommendation r) {
        Recommendation was = lastRecommendation.put(r.symbol(), r);
        if (!r.isTrade()) {
            return;
        }
        boolean turned = was == null || !was.isTrade();
        boolean moved = was != null && was.isTrade() && was.targetContracts() != r.targetContracts();
        if (turned || moved) {
            String target = PositionWords.orderLine(r);
            raise(AlertKind.NEW_TRADE, r.symbol(), r.symbol() + (turned ? " turned TRADE" : " target changed"),
                    target + " · p " + r.winProbability().stream().mapToObj(p -> String.format(java.util.Locale.ROOT, "%.1f %%", p * 100))
                            .findFirst().orElse("—"));
        }
    }

    public synchronized void emergency(boolean on, double drawdownFraction) {
        boolean was = emergency;
        emergency = on;
        String drawdown = String.format(java.util.Locale.ROOT, "%.1f %%", drawdownFraction * 100);
        if (on && !was) {
            raise(AlertKind.EMERGENCY, "desk", "EMERGENCY: drawdown " + drawdown,
                    "Every new size is cut by the emergency factor, and orders to reduce are on offer, until the drawdown recovers.");
        } else if (!on && was) {
            raise(AlertKind.EMERGENCY, "desk (over)", "Emergency over", "Drawdown " + drawdown + " is back under the trigger; sizes are no longer cut.");
        }
    }

    public synchronized void service(ServiceHealth health) {
        ServiceState was = lastState.put(health.service(), health.state());
        ServiceState now = health.state();
        boolean down = now == ServiceState.DOWN || now == ServiceState.AUTH_FAILED;
        boolean wasDown = was == ServiceState.DOWN || was == ServiceState.AUTH_FAILED;
        String name = health.service().displayName();
        if (down && !wasDown) {
            raise(AlertKind.SERVICE_DOWN, name, name + " is down", health.lastError().orElse(now.label())
                    + " · symbols that need it show what is missing");
        } else if (!down && wasDown && now == ServiceState.OK) {
            raise(AlertKind.SERVICE_UP, name, name + " is back", "answering again");
        }
    }

    public synchronized void handoff(HandoffRecord h) {
        HandoffStatus was = lastHandoff.put(h.clientOrderId(), h.status());
        boolean failed = h.status() == HandoffStatus.REJECTED || h.status() == HandoffStatus.FAILED || h.status() == HandoffStatus.AUTH_FAILED;
        if (failed && was != h.status()) {
            raise(AlertKind.HANDOFF_FAILED, h.symbol(), "Hand-off " + h.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + ": " + h.side().name() + " " + h.quantityContracts() + " " + h.symbol(), h.detail().orElse("no detail from the engine")
                    + " · see the Handoffs tab");
        }
    }

    private void raise(AlertKind kind, String subject, String title, String text) {
        AlertPreferences p = preferences.get();
        if (!p.enabled(kind)) {
            return;
        }
        Instant now = clock.instant();
        String key = kind + "|" + subject;
        Instant last = lastAlert.get(key);
        if (last != null && Duration.between(last, now).compareTo(PER_SUBJECT_AND_KIND) < 0) {
            return; // one per subject per kind per minute
        }
        lastAlert.put(key, now);
        sink.accept(new Alert(kind, subject, title, text, now, p.sound()));
    }
}
