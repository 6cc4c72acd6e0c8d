package io.kellydesk.desk.health;

import io.kellydesk.core.Account;
import io.kellydesk.core.ServiceHealth;
import io.kellydesk.desk.fx.FxCoalescer;
import io.kellydesk.engine.DeskEvent;
import io.kellydesk.engine.EventBus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The Health tab's state: every service's figures, sampled every two seconds on a background scheduler while
 * active, and the account with the emergency trigger it is judged against, from the bus. Both reach the FX thread
 * through the coalescer.
 */
public final class HealthViewModel {

    private static final Duration WINDOW = Duration.ofHours(2);

    /**
     * The account now, the drawdown that triggers the emergency reduction (fraction of equity), and the drawdowns of
     * the last two hours, oldest first.
     */
    public record AccountState(Account account, double emergencyTrigger, List<DrawdownPoint> lastTwoHours, Instant now) {
    }

    /** @param drawdownFraction of equity, below the peak */
    public record DrawdownPoint(Instant at, double drawdownFraction) {
    }

    private final EventBus bus;
    private final FxCoalescer fx;
    private final Supplier<List<ServiceHealth>> health;
    private final DoubleSupplier emergencyTrigger;
    private final ScheduledExecutorService sampler;
    private final Clock clock;
    private final Deque<DrawdownPoint> drawdowns = new ArrayDeque<>(); // FX thread only
    private final ReadOnlyObjectWrapper<List<ServiceHealth>> services = new ReadOnlyObjectWrapper<>(this, "services", List.of());
    private final ReadOnlyObjectWrapper<AccountState> account = new ReadOnlyObjectWrapper<>(this, "account");
    private final List<EventBus.Subscription> subscriptions = new ArrayList<>();
    private ScheduledFuture<?> sampling;

    /** @param sampler where the figures are read every two seconds; owned by the caller */
    public HealthViewModel(EventBus bus, FxCoalescer fx, Supplier<List<ServiceHealth>> health, DoubleSupplier emergencyTrigger,
                           ScheduledExecutorService sampler, Clock clock) {
        this.clock = clock;
        this.bus = bus;
        this.fx = fx;
        this.health = health;
        this.emergencyTrigger = emergencyTrigger;
        this.sampler = sampler;
    }

    public void activate() {
        subscriptions.add(bus.subscribe(DeskEvent.AccountChanged.class, e -> {
            Account now = e.account();
            double trigger = emergencyTrigger.getAsDouble();
            fx.post("health-account", () -> account.set(add(now, trigger)));
        }));
        sampling = sampler.scheduleWithFixedDelay(() -> {
            List<ServiceHealth> figures = List.copyOf(health.get());
            fx.post("health-services", () -> services.set(figures));
        }, 0, 2, TimeUnit.SECONDS);
    }

    private AccountState add(Account now, double trigger) {
        Instant at = clock.instant();
        drawdowns.addLast(new DrawdownPoint(at, now.drawdownFraction()));
        while (!drawdowns.isEmpty() && drawdowns.peekFirst().at().isBefore(at.minus(WINDOW))) {
            drawdowns.removeFirst();
        }
        return new AccountState(now, trigger, List.copyOf(drawdowns), at);
    }

    public void deactivate() {
        subscriptions.forEach(EventBus.Subscription::close);
        subscriptions.clear();
        if (sampling != null) {
            sampling.cancel(false);
        }
    }

    public ReadOnlyObjectProperty<List<ServiceHealth>> servicesProperty() {
        return services.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AccountState> accountProperty() {
        return account.getReadOnlyProperty();
    }
}
