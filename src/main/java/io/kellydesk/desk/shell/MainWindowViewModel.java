package io.kellydesk.desk.shell;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import io.kellydesk.desk.fx.Theme;
import io.kellydesk.core.Account;
import io.kellydesk.core.ServiceHealth;
import io.kellydesk.desk.fx.Formats;
import io.kellydesk.desk.fx.FxCoalescer;
import io.kellydesk.engine.DeskEvent;
import io.kellydesk.engine.EventBus;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * State of the main window's frame: header, health lights, error banner, status line. The numbers
 * start as "no data" and stay so until a service has answered: the window never shows an invented figure.
 */
public final class MainWindowViewModel {

    static final String NO_DATA = "—";

    private final StringProperty deskName = new SimpleStringProperty("Kelly Desk");
    private final StringProperty accountCaption = new SimpleStringProperty("waiting for the trading engine");
    private final StringProperty equityText = new SimpleStringProperty(NO_DATA);
    private final StringProperty drawdownText = new SimpleStringProperty(NO_DATA);
    private final BooleanProperty accountKnown = new SimpleBooleanProperty(false);
    private final BooleanProperty emergency = new SimpleBooleanProperty(false);
    private final StringProperty statusText = new SimpleStringProperty("Starting…");
    private final StringProperty tilesWaitingText = new SimpleStringProperty("");
    private final StringProperty tilesTitle = new SimpleStringProperty("No recommendations yet");
    private final StringProperty decisionsTitle = new SimpleStringProperty("No decision log open");
    private final StringProperty decisionsText = new SimpleStringProperty(
            "Every recommendation, hand-off and settings change is written to the local decision log.");
    private final StringProperty errorText = new SimpleStringProperty("");
    private final BooleanProperty errorVisible = new SimpleBooleanProperty(false);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.DARK);
    private final ObservableList<ServiceLightViewModel> services = FXCollections.observableArrayList();
    private int unseenErrors;

    private final EventBus bus;
    private final FxCoalescer fx;
    private final List<EventBus.Subscription> subscriptions = new ArrayList<>();
    private final Map<String, Boolean> latestTradable = new ConcurrentHashMap<>();

    /**
     * The frame follows the engine's events once active: account in the header, one light per service, the emergency
     * flag. Events arrive on background threads; every update goes through the coalescer (one hop per pulse).
     */
    public MainWindowViewModel(List<String> serviceNames, EventBus bus, FxCoalescer fx) {
        serviceNames.forEach(name -> services.add(new ServiceLightViewModel(name)));
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
                e -> fx.post("emergency", () -> emergencyProperty().set(e.emergency()))));
    }

    public void deactivate() {
        subscriptions.forEach(EventBus.Subscription::close);
        subscriptions.clear();
    }

    /** Until tiles show them one by one: how many symbols are sized and how many are tradable, never more. */
    private void showSizedCount() {
        long tradable = latestTradable.values().stream().filter(Boolean::booleanValue).count();
        // Per-symbol tiles are not built yet: say what is true rather than "no recommendations".
        tilesTitleProperty().set("Recommendations are being computed");
        tilesWaitingTextProperty().set(latestTradable.size() + " symbols sized, " + tradable
                + " tradable now; every decision is in the decision log.");
    }

    private void showAccount(Account account) {
        String currency = account.currency().isBlank() ? "" : " " + account.currency();
        deskNameProperty().set(account.accountId().isBlank() ? "Kelly Desk" : account.accountId());
        accountCaptionProperty().set("peak " + Formats.money(account.peakEquityCurrency()) + currency);
        equityTextProperty().set(Formats.money(account.equityCurrency()) + currency);
        drawdownTextProperty().set(Formats.pct(account.drawdownFraction()));
        accountKnownProperty().set(true);
    }

    private void showHealth(ServiceHealth health) {
        for (ServiceLightViewModel light : services()) {
            if (light.serviceName().equals(health.service().displayName())) {
                light.stateProperty().set(health.state());
                light.detailProperty().set(health.lastError().orElse(health.detail()));
            }
        }
    }


    /** Shows a problem in the banner without blocking anything; repeated problems are counted, not stacked. */
    public void reportError(String message) {
        unseenErrors++;
        errorText.set(unseenErrors == 1 ? message : message + "  (" + unseenErrors + " problems since last dismissed)");
        errorVisible.set(true);
    }

    public void dismissError() {
        unseenErrors = 0;
        errorVisible.set(false);
        errorText.set("");
    }

    public StringProperty deskNameProperty() { return deskName; }
    public StringProperty accountCaptionProperty() { return accountCaption; }
    public StringProperty equityTextProperty() { return equityText; }
    public StringProperty drawdownTextProperty() { return drawdownText; }
    public BooleanProperty accountKnownProperty() { return accountKnown; }
    public BooleanProperty emergencyProperty() { return emergency; }
    public StringProperty statusTextProperty() { return statusText; }
    public StringProperty tilesWaitingTextProperty() { return tilesWaitingText; }
    public StringProperty tilesTitleProperty() { return tilesTitle; }
    public StringProperty decisionsTitleProperty() { return decisionsTitle; }
    public StringProperty decisionsTextProperty() { return decisionsText; }
    public StringProperty errorTextProperty() { return errorText; }
    public BooleanProperty errorVisibleProperty() { return errorVisible; }
    public ObjectProperty<Theme> themeProperty() { return theme; }
    public ObservableList<ServiceLightViewModel> services() { return services; }
}
