package io.kellydesk.desk.shell;

import io.kellydesk.core.DeskPreferences;
import io.kellydesk.core.ServiceHealth;
import io.kellydesk.core.SettingsCatalog;
import io.kellydesk.desk.chart.ChartView;
import io.kellydesk.desk.decisions.DecisionsView;
import io.kellydesk.desk.detail.DetailPresenter;
import io.kellydesk.desk.detail.DetailView;
import io.kellydesk.desk.detail.DetailViewModel;
import io.kellydesk.desk.fx.FxCoalescer;
import io.kellydesk.desk.handoffs.HandoffPresenter;
import io.kellydesk.desk.handoffs.HandoffsView;
import io.kellydesk.desk.health.HealthPresenter;
import io.kellydesk.desk.health.HealthView;
import io.kellydesk.desk.handoffs.NotificationPresenter;
import io.kellydesk.desk.tiles.RecommendationTilesPresenter;
import io.kellydesk.desk.settings.SettingsView;
import io.kellydesk.desk.settings.SettingsViewModel;
import io.kellydesk.desk.fx.Theme;
import io.kellydesk.desk.fx.FxTasks;
import io.kellydesk.engine.DecisionBrowser;
import io.kellydesk.engine.DeskEngine;
import io.kellydesk.engine.EventBus;
import io.kellydesk.engine.HandoffPort;
import io.kellydesk.engine.SettingsPort;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

/**
 * The desk's window: builds the main view, its presenters and its tabs (the ones not on show when first opened), and
 * takes them down again. Everything it shows comes through the engine's ports. FX thread, except where a method says.
 */
public final class DeskShell {

    /** What the window shows and commands, by port. */
    public record Parts(DeskEngine engine, EventBus bus, HandoffPort handoffs, SettingsPort settings,
                        Optional<DecisionBrowser> decisions, Optional<DecisionLogText> decisionLog,
                        Supplier<List<ServiceHealth>> health, FxTasks tasks, FxCoalescer fx, ScheduledExecutorService healthSampler,
                        Clock clock, About about, Consumer<String> milestones) {
    }

    /** The decision log's banner on the Decisions tab before its table is built. */
    public record DecisionLogText(String title, String text) {
    }

    /** The About box: the version and each component's. */
    public record About(String version, Map<String, String> components) {
    }

    private final Parts parts;
    private final MainWindowViewModel mainViewModel;
    private final MainWindowPresenter presenter;
    private final List<Runnable> onClose = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Stage stage;
    private RecommendationTilesPresenter tilesPresenter;
    private DetailPresenter detailPresenter;
    private volatile ChartView chartView;
    private volatile DecisionsView decisionsView;
    private volatile HandoffPresenter handoffPresenter;
    private volatile SettingsView settingsView;

    /** Any thread: builds no node yet. */
    public DeskShell(Parts parts, List<String> serviceNames) {
        this.parts = Objects.requireNonNull(parts);
        this.mainViewModel = new MainWindowViewModel(serviceNames);
        this.presenter = new MainWindowPresenter(mainViewModel, parts.bus(), parts.fx());
    }

    /** Builds the main window into {@code stage} and shows it; {@code problems} go to the banner. FX thread. */
    public MainWindowView show(Stage stage, List<String> problems) {
        this.stage = stage;
        MainWindowView view = new MainWindowView(mainViewModel, new MenuActions());
        Scene scene = new Scene(view.load(), 1440, 900);
        parts.milestones().accept("main window FXML loaded");
        mainViewModel.themeProperty().get().applyTo(scene);
        mainViewModel.themeProperty().addListener((obs, was, theme) -> theme.applyTo(scene));
        stage.setTitle("Kelly Desk");
        stage.setMinWidth(1024);
        stage.setMinHeight(640);
        stage.setScene(scene);
        handoffPresenter = new HandoffPresenter(parts.handoffs(), parts.bus(), parts.fx(), parts.tasks(), () -> stage,
                scene::getStylesheets, mainViewModel::reportError);
        handoffPresenter.activate();
        onClose.add(handoffPresenter::deactivate);
        // the explanation pane is built when the trader first selects a symbol: not before the first frame
        detailPresenter = new DetailPresenter(() -> {
            DetailView detailView = new DetailView(new DetailViewModel(() -> parts.engine().context().settings()));
            view.detailPane().getChildren().add(detailView.load());
            return detailView;
        }, parts.bus(), parts.fx(), parts.clock(), handoffPresenter::handOff, parts.handoffs()::unavailable);
        detailPresenter.activate();
        onClose.add(detailPresenter::deactivate);
        // Ctrl+Enter: hand off the selected recommendation (opens its ticket; one-click sends)
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN),
                () -> detailPresenter.current().ifPresent(handoffPresenter::handOff));
        Tabs.whenFirstSelected(view.handoffsTab(), () -> {
            HandoffsView handoffsView = new HandoffsView(parts.handoffs(), parts.bus(), parts.fx(), parts.tasks(), mainViewModel::reportError);
            view.handoffsContent().getChildren().setAll(handoffsView.load());
            handoffsView.activate();
            onClose.add(handoffsView::deactivate);
        });
        Tabs.whenFirstSelected(view.chartTab(), () -> {
            ChartView chart = new ChartView(parts.engine(), parts.tasks(), parts.clock());
            view.chartContent().getChildren().setAll(chart.load());
            chart.setFixedContracts(parts.settings().current().desk().chartFixedContracts());
            detailPresenter.current().ifPresent(s -> chart.select(s.symbol()));
            view.chartTab().selectedProperty().addListener((obs, was, now) -> {
                if (now) {
                    chart.redraw();
                }
            });
            chart.redraw();
            chartView = chart;
        });
        tilesPresenter = new RecommendationTilesPresenter(view.tilePane(), parts.bus(), parts.fx(), parts.clock(), symbol -> {
            detailPresenter.select(symbol);
            ChartView chart = chartView;
            if (chart != null) {
                chart.select(symbol);
            }
        });
        tilesPresenter.bindToolbar(view.tileFilter(), view.tradableOnly(), view.tileOrder());
        parts.decisions().ifPresent(log -> tilesPresenter.seedSparklinesFrom(log, parts.tasks()));
        tilesPresenter.activate();
        onClose.add(tilesPresenter::deactivate);
        Tabs.whenFirstSelected(view.healthTab(), () -> {
            HealthView healthView = new HealthView(parts.clock());
            view.healthContent().getChildren().setAll(healthView.load());
            HealthPresenter health = new HealthPresenter(healthView, parts.bus(), parts.fx(), parts.health(),
                    () -> parts.engine().context().settings().emergencyReductionTrigger(), parts.healthSampler());
            health.activate();
            onClose.add(health::deactivate);
        });
        NotificationPresenter notifications = new NotificationPresenter(parts.bus(), parts.fx(), stage);
        notifications.activate();
        onClose.add(notifications::deactivate);
        // The decision log's table is built once the first tiles are up (or after 3 s): the tiles come first.
        parts.decisions().ifPresent(log -> Tabs.whenTilesUpOr(view, Duration.ofSeconds(3), () -> {
            decisionsView = new DecisionsTab(view, log, parts, mainViewModel::reportError, onClose).build();
        }));
        parts.decisionLog().ifPresent(text -> {
            mainViewModel.decisionsTitleProperty().set(text.title());
            mainViewModel.decisionsTextProperty().set(text.text());
        });
        applyPreferences(parts.settings().current().desk());
        problems.forEach(mainViewModel::reportError);
        presenter.activate();
        parts.milestones().accept("window wired, showing (first CSS pass and layout)");
        stage.show();
        loadIconsAfterFirstFrame();
        return view;
    }

    /** The window icons after the first frame: decoding them inside show() was ~5 % of it (JFR). Decoded off the FX thread. */
    private void loadIconsAfterFirstFrame() {
        parts.tasks().call(() -> {
            List<Image> icons = new ArrayList<>();
            for (int size : new int[] {16, 32, 64, 256}) {
                var icon = DeskShell.class.getResource("/icons/kelly-desk-" + size + ".png");
                if (icon != null) {
                    icons.add(new Image(icon.toExternalForm()));
                }
            }
            return icons;
        }, icons -> stage.getIcons().setAll(icons), problem -> { }); // a window without its icon still works
    }

    /** Theme, watchlist and chart size from the Desk section, as they are applied. Any thread. */
    public void applyPreferencesLater(DeskPreferences desk) {
        parts.fx().post("desk-preferences", () -> applyPreferences(desk));
    }

    private void applyPreferences(DeskPreferences desk) {
        mainViewModel.themeProperty().set(desk.theme().equals("light") ? Theme.LIGHT : Theme.DARK);
        if (tilesPresenter != null) {
            tilesPresenter.setWatchlist(desk.watchlist());
        }
        ChartView chart = chartView;
        if (chart != null) {
            chart.setFixedContracts(desk.chartFixedContracts());
        }
    }

    /** The settings window; one at a time (a second File › Settings… brings it to the front). FX thread. */
    public SettingsView openSettingsWindow() {
        if (settingsView != null && settingsView.stage() != null && settingsView.stage().isShowing()) {
            settingsView.stage().toFront();
            return settingsView;
        }
        settingsView = new SettingsView(new SettingsViewModel(new SettingsCatalog(), parts.settings(), parts.tasks(), parts.clock()));
        settingsView.open(stage, stage.getScene().getStylesheets());
        return settingsView;
    }

    /** A text for the banner or the status line. Any thread; a storm costs one hop per pulse. */
    public void report(String key, Consumer<MainWindowViewModel> change) {
        parts.fx().post(key, () -> change.accept(mainViewModel));
    }

    public MainWindowViewModel mainViewModel() {
        return mainViewModel;
    }

    public Optional<ChartView> chartView() {
        return Optional.ofNullable(chartView);
    }

    public Optional<DecisionsView> decisionsView() {
        return Optional.ofNullable(decisionsView);
    }

    public Optional<HandoffPresenter> handoffPresenter() {
        return Optional.ofNullable(handoffPresenter);
    }

    /**
     * Unbinds every presenter and closes the settings window. Any thread: what touches nodes runs on the FX thread
     * later, the bus subscriptions end at once.
     */
    public void close() {
        presenter.deactivate();
        SettingsView settings = settingsView;
        List<Runnable> steps = List.copyOf(onClose);
        Runnable takeDown = () -> {
            if (settings != null && settings.stage() != null) {
                settings.stage().hide();
            }
            steps.reversed().forEach(Runnable::run);
        };
        if (Platform.isFxApplicationThread()) {
            takeDown.run();
        } else {
            Platform.runLater(takeDown);
        }
    }

    private final class MenuActions implements MainWindowView.Actions {
        @Override
        public void openSettings() {
            openSettingsWindow();
        }

        @Override
        public void showAbout() {
            AboutDialog.create(stage, parts.about().version(), parts.about().components()).show();
        }

        @Override
        public void quit() {
            Platform.exit();
        }
    }
}
