package io.kellydesk.desk.health;

import io.kellydesk.core.ServiceHealth;
import io.kellydesk.engine.DeskEvent;
import io.kellydesk.engine.EventBus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import io.kellydesk.desk.fx.FxCoalescer;

/**
 * Feeds the Health tab: service figures sampled every two seconds on a background scheduler, account updates
 * from the bus; both reach the FX thread through the coalescer.
 */
public final class HealthPresenter {

    private final HealthView view;
    private final EventBus bus;
    private final FxCoalescer fx;
    private final Supplier<List<ServiceHealth>> health;
    private final DoubleSupplier emergencyTrigger;
    private final ScheduledExecutorService scheduler;
    private final List<EventBus.Subscription> subscriptions = new ArrayList<>();
    private ScheduledFuture<?> sampling;

    public HealthPresenter(HealthView view, EventBus bus, FxCoalescer fx, Supplier<List<ServiceHealth>> health,
                           DoubleSupplier emergencyTrigger, ScheduledExecutorService scheduler) {
        this.view = view;
        this.bus = bus;
        this.fx = fx;
        this.health = health;
        this.emergencyTrigger = emergencyTrigger;
        this.scheduler = scheduler;
    }

    public void activate() {
        subscriptions.add(bus.subscribe(DeskEvent.AccountChanged.class, e -> {
            double trigger = emergencyTrigger.getAsDouble();
            fx.post("health-account", () -> view.showAccount(e.account(), trigger));
        }));
        sampling = scheduler.scheduleWithFixedDelay(() -> {
            List<ServiceHealth> figures = List.copyOf(health.get());
            fx.post("health-services", () -> view.showServices(figures));
        }, 0, 2, TimeUnit.SECONDS);
    }

    public void deactivate() {
        subscriptions.forEach(EventBus.Subscription::close);
        subscriptions.clear();
        if (sampling != null) {
            sampling.cancel(false);
        }
    }
}
