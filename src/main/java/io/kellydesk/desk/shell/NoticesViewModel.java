package io.kellydesk.desk.shell;

import io.kellydesk.core.ServiceHealth;
import io.kellydesk.core.ServiceState;
import io.kellydesk.core.UpstreamService;
import io.kellydesk.engine.DeskEvent;
import io.kellydesk.engine.EventBus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import io.kellydesk.desk.fx.FxCoalescer;
import io.kellydesk.desk.ticket.HandoffWords;
import java.util.function.Consumer;

/**
 * What the trader must not miss, as notices: the emergency cut starting or ending, a service going down or refusing
 * our credentials and coming back, a handoff's outcome. Only transitions notify; routine updates never do. The
 * notices reach {@code shown} on the FX thread (coalesced per subject).
 */
public final class NoticesViewModel {

    /** One notice: a warning stays longer on screen. */
    public record Notice(String title, String text, boolean warning) {
    }

    private final EventBus bus;
    private final FxCoalescer fx;
    private final Consumer<Notice> shown;
    private final Map<UpstreamService, ServiceState> lastState = new EnumMap<>(UpstreamService.class);
    private final List<EventBus.Subscription> subscriptions = new ArrayList<>();

    public NoticesViewModel(EventBus bus, FxCoalescer fx, Consumer<Notice> shown) {
        this.bus = bus;
        this.fx = fx;
        this.shown = shown;
    }

    public void activate() {
        subscriptions.add(bus.subscribe(DeskEvent.EmergencyChanged.class, e -> fx.post("notify-emergency", () -> {
            String drawdown = String.format(Locale.ROOT, "%.1f %%", e.drawdownFraction() * 100);
            if (e.emergency()) {
                show("EMERGENCY: drawdown " + drawdown, "Every new size is cut by the emergency factor until the drawdown recovers.", true);
            } else {
                show("Emergency over", "Drawdown " + drawdown + " is back under the trigger; sizes are no longer cut.", false);
            }
        })));
        subscriptions.add(bus.subscribe(DeskEvent.ServiceHealthChanged.class, e -> onHealth(e.health())));
        subscriptions.add(bus.subscribe(DeskEvent.HandoffChanged.class, e -> {
            var h = e.handoff();
            if (!h.status().isFinal() && h.status() != io.kellydesk.core.HandoffStatus.UNRESOLVED) {
                return;
            }
            boolean ok = switch (h.status()) {
                case ACCEPTED, COPIED, WRITTEN -> true;
                default -> false;
            };
            String title = HandoffWords.order(h) + ": " + switch (h.status()) {
                case ACCEPTED -> "accepted, order " + h.engineOrderId().orElse("?");
                case COPIED -> "copied to the clipboard";
                case WRITTEN -> "written to the folder";
                case REJECTED -> "rejected";
                case AUTH_FAILED -> "authentication refused";
                case UNRESOLVED -> "needs checking";
                default -> "failed";
            };
            fx.post("notify-handoff-" + h.clientOrderId(), () -> show(title, h.detail().orElse("") + " · " + h.clientOrderId(), !ok));
        }));
    }

    private void onHealth(ServiceHealth health) {
        ServiceState now = health.state();
        ServiceState before;
        synchronized (lastState) {
            before = lastState.put(health.service(), now);
        }
        boolean bad = now == ServiceState.DOWN || now == ServiceState.AUTH_FAILED;
        boolean wasBad = before == ServiceState.DOWN || before == ServiceState.AUTH_FAILED;
        if (bad && !wasBad) {
            fx.post("notify-" + health.service(), () -> show(health.service().displayName() + " " + now.label(),
                    health.lastError().orElse("No answer.") + (now == ServiceState.AUTH_FAILED ? " Check the token in the settings." : ""), true));
        } else if (!bad && wasBad && now == ServiceState.OK) {
            fx.post("notify-" + health.service(), () -> show(health.service().displayName() + " is back", "Answers are arriving again.", false));
        }
    }

    private void show(String title, String text, boolean warning) {
        shown.accept(new Notice(title, text, warning));
    }

    public void deactivate() {
        subscriptions.forEach(EventBus.Subscription::close);
        subscriptions.clear();
    }
}
