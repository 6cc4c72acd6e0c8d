package io.kellydesk.desk.shell;

import io.kellydesk.core.Account;
import io.kellydesk.core.ServiceHealth;
import io.kellydesk.engine.DeskEvent;
import io.kellydesk.engine.EventBus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import io.kellydesk.desk.fx.Formats;
import io.kellydesk.desk.fx.FxCoalescer;

/**
 * Feeds the main window's frame from the engine's events: account in the header, one light per service,
 * the emergency flag. Events arrive on background threads; every update goes through the coalescer, so the
 * FX thread sees at most one hop per pulse. Subscribes on activate, unsubscribes on deactivate.
 */
public final class MainWindowPresenter {

    private final MainWindowViewModel viewModel;
    private final EventBus bus;
    private final FxCoalescer fx;
    private final List<EventBus.Subscription> subscriptions = new ArrayList<>();
    private final java.util.Map<String, Boolean> latestTradable = new java.util.concurrent.ConcurrentHashMap<>();

    public MainWindowPresenter(MainWindowViewModel viewModel, EventBus bus, FxCoalescer fx) {
        this.viewModel = viewModel;
        this.bus = bus;
        this.fx = fx;
    }

    public void activate() {
        subscriptions.add(bus.subscribe(DeskEvent.AccountChanged.class, e -> fx.post("account", () -> showAccount(e.account()))));
        subscriptions.add(bus.subscribe(DeskEvent.ServiceHealthChanged.class,
                e -> fx.post("health-" + e.health().service(), () -> showHealth(e.health()))));
        subscriptions.add(bus.subscribe(DeskEvent.RecommendationChanged.class, e -> {
            latestTradable.put(e.snapshot().symbol(), e.snapshot().recommendation().isTrade());
            fx.post("sized-count", this::showSizedCount);
        }));
        subscriptions.add(bus.subscribe(DeskEvent.EmergencyChanged.class,
                e -> fx.post("emergency", () -> viewModel.emergencyProperty().set(e.emergency()))));
    }

    public void deactivate() {
        subscriptions.forEach(EventBus.Subscription::close);
        subscriptions.clear();
    }

    /** Until tiles show them one by one: how many symbols are sized and how many are tradable, never more. */
    private void showSizedCount() {
        long tradable = latestTradable.values().stream().filter(Boolean::booleanValue).count();
        // Per-symbol tiles are not built yet: say what is true rather than "no recommendations".
        viewModel.tilesTitleProperty().set("Recommendations are being computed");
        viewModel.tilesWaitingTextProperty().set(latestTradable.size() + " symbols sized, " + tradable
                + " tradable now; every decision is in the decision log.");
    }

    private void showAccount(Account account) {
        String currency = account.currency().isBlank() ? "" : " " + account.currency();
        viewModel.deskNameProperty().set(account.accountId().isBlank() ? "Kelly Desk" : account.accountId());
        viewModel.accountCaptionProperty().set("peak " + Formats.money(account.peakEquityCurrency()) + currency);
        viewModel.equityTextProperty().set(Formats.money(account.equityCurrency()) + currency);
        viewModel.drawdownTextProperty().set(Formats.pct(account.drawdownFraction()));
        viewModel.accountKnownProperty().set(true);
    }

    private void showHealth(ServiceHealth health) {
        for (ServiceLightViewModel light : viewModel.services()) {
            if (light.serviceName().equals(health.service().displayName())) {
                light.stateProperty().set(health.state());
                light.detailProperty().set(health.lastError().orElse(health.detail()));
            }
        }
    }

}
