package io.kellydesk.desk.handoffs;

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
import javafx.geometry.Pos;
import javafx.stage.Window;
import org.controlsfx.control.Notifications;
import io.kellydesk.desk.fx.FxCoalescer;
import io.kellydesk.desk.ticket.HandoffWords;

/**
 * Non-modal ControlsFX notifications for what a trader must not miss: the emergency cut starting or ending, a
 * service going down or refusing our credentials, and coming back. Only transitions notify; routine updates never do.
 */
public final class NotificationPresenter {

    private final EventBus bus;
    private final FxCoalescer fx;
    private final Window owner;
    private final Map<UpstreamService, ServiceState> lastState = new EnumMap<>(UpstreamService.class);
    private final List<EventBus.Subscription> subscriptions = new ArrayList<>();

    public NotificationPresenter(EventBus bus, FxCoalescer fx, Window owner) {
        this.bus = bus;
        this.fx = fx;
        this.owner = owner;
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
        Notifications n = Notifications.create().title(title).text(text).position(Pos.TOP_RIGHT)
                .hideAfter(javafx.util.Duration.seconds(warning ? 12 : 6));
        if (owner != null && owner.isShowing()) {
            n.owner(owner);
        }
        if (warning) {
            n.showWarning();
        } else {
            n.showInformation();
        }
    }

    public void deactivate() {
        subscriptions.forEach(EventBus.Subscription::close);
        subscriptions.clear();
    }
}
