package io.kellydesk.desk.shell;

import io.kellydesk.core.DeskPreferences;
import io.kellydesk.core.ServiceHealth;
import io.kellydesk.core.SettingsCatalog;
import io.kellydesk.desk.chart.ChartView;
import io.kellydesk.desk.chart.ChartViewModel;
import io.kellydesk.desk.decisions.DecisionsView;
import io.kellydesk.desk.detail.DetailView;
import io.kellydesk.desk.detail.DetailViewModel;
import io.kellydesk.desk.fx.FxCoalescer;
import io.kellydesk.desk.handoffs.HandoffViewModel;
import io.kellydesk.desk.handoffs.TicketWindows;
import io.kellydesk.desk.handoffs.HandoffsView;
import io.kellydesk.desk.handoffs.HandoffsViewModel;
import io.kellydesk.desk.health.HealthViewModel;
import io.kellydesk.desk.health.HealthView;
import io.kellydesk.desk.tiles.TilesView;
import io.kellydesk.desk.tiles.TilesViewModel;
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
                        Clock clock, About about, Consumer<String> milestones, Supplier<Optional<LocalApiText>> localApi,
                        io.kellydesk.core.ViewState viewState) {
    }

    /** Where the local API listens and where its token is, while it listens. */
    public record LocalApiText(String url, java.nio.file.Path tokenFile) {
    }

    /** The decision log's banner on the Decisions tab before its table is built. */
    public record DecisionLogText(String title, String text) {
    }

    /** The About box: the version and each component's. */
    public record About(String version, Map<String, String> components) {
    }

    private final Parts parts;
    private final MainWindowViewModel mainViewModel;
    private final List<Runnable> onClose = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Stage stage;
    private TilesViewModel tiles;
    private DetailViewModel detail;
    private volatile ChartView chartView;
    private volatile ChartViewModel chartViewModel;
    private volatile DecisionsView decisionsView;
    private volatile TicketWindows ticketWindows;
    private volatile SettingsView settingsView;
    private final io.kellydesk.desk.fx.DeskTime time = new io.kellydesk.desk.fx.DeskTime();
    /** The window's state as the trader leaves it, read by whoever saves it at close (any thread). */
    private volatile io.kellydesk.core.ViewState viewState;
    private volatile io.kellydesk.desk.table.SymbolTableView tableView;
    private volatile io.kellydesk.desk.positions.PositionsView positionsView;
    private volatile io.kellydesk.desk.calibration.CalibrationView calibrationView;
    private volatile io.kellydesk.desk.alerts.AlertsView alertsView;

    /** Any thread: builds no node yet. */
    public DeskShell(Parts parts, List<String> serviceNames) {
        this.parts = Objects.requireNonNull(parts);
        this.mainViewModel = new MainWindowViewModel(serviceNames, parts.bus(), parts.fx());
        this.viewState = parts.viewState() == null ? io.kellydesk.core.ViewState.initial() : parts.viewState();
    }

    /** Builds the main window into {@code stage} and shows it; {@code problems} go to the banner. FX thread. */
    @SuppressWarnings("unchecked") // a one-element array holds the listener so it can remove itself
    public MainWindowView show(Stage stage, List<String> problems) {
        this.stage = stage;
        MainWindowView view = new MainWindowView(mainViewModel, new MenuActions());
        javafx.geometry.Rectangle2D area = javafx.stage.Screen.getPrimary().getVisualBounds();
        io.kellydesk.core.ViewState.WindowBounds bounds = WindowPlacement.place(viewState.window(),
                new io.kellydesk.core.ViewState.WindowBounds(area.getMinX(), area.getMinY(), area.getWidth(), area.getHeight()));
        Scene scene = new Scene(view.load(), bounds.width(), bounds.height());
        stage.setX(bounds.x());
        stage.setY(bounds.y());
        stage.setWidth(bounds.width()); // a stage sized before (a reused one) would otherwise keep its old size
        stage.setHeight(bounds.height());
        stage.setMaximized(viewState.maximized());
        rememberWindow(stage);
        parts.milestones().accept("main window FXML loaded");
        mainViewModel.themeProperty().get().applyTo(scene);
        mainViewModel.themeProperty().addListener((obs, was, theme) -> theme.applyTo(scene));
        stage.setTitle("Kelly Desk");
        stage.setMinWidth(Math.min(WindowPlacement.MIN_WIDTH, area.getWidth()));
        stage.setMinHeight(Math.min(WindowPlacement.MIN_HEIGHT, area.getHeight()));
        stage.setScene(scene);
        ticketWindows = new TicketWindows(new HandoffViewModel(parts.handoffs(), parts.bus(), parts.fx(), parts.tasks(),
                mainViewModel::reportError), () -> stage, scene::getStylesheets);
        ticketWindows.activate();
        onClose.add(ticketWindows::deactivate);
        detail = new DetailViewModel(() -> parts.engine().context().settings(), parts.bus(), parts.fx(), parts.clock(),
                ticketWindows::handOff, parts.handoffs()::unavailable);
        // the explanation pane is built when there is first something to explain: not before the first frame
        javafx.beans.value.ChangeListener<DetailViewModel.Shown>[] firstShown = new javafx.beans.value.ChangeListener[1];
        firstShown[0] = (obs, was, now) -> {
            if (now != null) {
                detail.shownProperty().removeListener(firstShown[0]);
                view.detailPane().getChildren().add(new DetailView(detail).load());
            }
        };
        detail.shownProperty().addListener(firstShown[0]);
        detail.activate();
        onClose.add(detail::deactivate);
        // Ctrl+Enter: hand off the selected recommendation (opens its ticket; one-click sends)
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN),
                () -> detail.current().ifPresent(ticketWindows::handOff));
        Tabs.whenFirstSelected(view.handoffsTab(), () -> {
            HandoffsViewModel handoffs = new HandoffsViewModel(parts.handoffs(), parts.bus(), parts.fx(), parts.tasks(),
                    mainViewModel::reportError);
            view.handoffsContent().getChildren().setAll(new HandoffsView(handoffs, time).load());
            handoffs.activate();
            onClose.add(handoffs::deactivate);
        });
        Tabs.whenFirstSelected(view.chartTab(), () -> {
            ChartViewModel chart = new ChartViewModel(parts.engine(), parts.tasks(), parts.clock());
            chart.fixedContractsProperty().set(parts.settings().current().desk().chartFixedContracts());
            ChartView shown = new ChartView(chart);
            view.chartContent().getChildren().setAll(shown.load());
            detail.current().ifPresent(s -> chart.select(s.symbol()));
            view.chartTab().selectedProperty().addListener((obs, was, now) -> {
                if (now) {
                    chart.redraw();
                }
            });
            chart.redraw();
            chartView = shown;
            chartViewModel = chart;
        });
        tiles = new TilesViewModel(parts.bus(), parts.fx(), symbol -> {
            detail.select(symbol);
            ChartViewModel chart = chartViewModel;
            if (chart != null) {
                chart.select(symbol);
            }
        });
        parts.decisions().ifPresent(log -> tiles.seedSparklinesFrom(log, parts.tasks()));
        TilesView tilesView = new TilesView(view.tilePane(), tiles, parts.clock());
        tilesView.bindToolbar(view.tileFilter(), view.tradableOnly(), view.tileOrder());
        tilesView.activate();
        onClose.add(tilesView::deactivate);
        Tabs.whenFirstSelected(view.healthTab(), () -> {
            HealthViewModel health = new HealthViewModel(parts.bus(), parts.fx(), parts.health(),
                    () -> parts.engine().context().settings().emergencyReductionTrigger(), parts.healthSampler(), parts.clock());
            view.healthContent().getChildren().setAll(new HealthView(health, time).load());
            health.activate();
            onClose.add(health::deactivate);
        });
        io.kellydesk.desk.alerts.AlertsView alerts = new io.kellydesk.desk.alerts.AlertsView(() -> stage);
        alertsView = alerts;
        io.kellydesk.engine.DeskAlerts rules = new io.kellydesk.engine.DeskAlerts(parts.clock(),
                () -> parts.settings().current().desk().alerts(),
                alert -> parts.fx().post("alert-" + alert.kind() + "-" + alert.subject(), () -> alerts.show(alert))).follow(parts.bus());
        onClose.add(rules::close);
        buildSymbolViews(view);
        // The decision log's table is built once the first tiles are up (or after 3 s): the tiles come first.
        parts.decisions().ifPresent(log -> Tabs.whenTilesUpOr(view, Duration.ofSeconds(3), () -> {
            decisionsView = new DecisionsTab(view, log, parts, mainViewModel::reportError, onClose, time).build();
        }));
        parts.decisionLog().ifPresent(text -> {
            mainViewModel.decisionsTitleProperty().set(text.title());
            mainViewModel.decisionsTextProperty().set(text.text());
        });
        applyPreferences(parts.settings().current().desk());
        problems.forEach(mainViewModel::reportError);
        mainViewModel.activate();
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
        try {
            time.zoneProperty().set(desk.zone());
        } catch (java.time.DateTimeException unknownZone) {
            time.zoneProperty().set(java.time.ZoneOffset.UTC); // validated before it is applied; a zone Java lost is shown as UTC, and named so
        }
        if (tiles != null) {
            tiles.watchlistProperty().set(List.copyOf(desk.watchlist()));
        }
        ChartViewModel chart = chartViewModel;
        if (chart != null) {
            chart.fixedContractsProperty().set(desk.chartFixedContracts());
        }
    }

    /** The settings window; one at a time (a second File › Settings… brings it to the front). FX thread. */
    public SettingsView openSettingsWindow() {
        if (settingsView != null && settingsView.stage() != null && settingsView.stage().isShowing()) {
            settingsView.stage().toFront();
            return settingsView;
        }
        settingsView = new SettingsView(new SettingsViewModel(new SettingsCatalog(), parts.settings(), parts.tasks(), parts.clock(), time), time);
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

    public Optional<TicketWindows> ticketWindows() {
        return Optional.ofNullable(ticketWindows);
    }

    public Optional<io.kellydesk.desk.table.SymbolTableView> tableView() {
        return Optional.ofNullable(tableView);
    }

    public Optional<io.kellydesk.desk.positions.PositionsView> positionsView() {
        return Optional.ofNullable(positionsView);
    }

    public Optional<io.kellydesk.desk.calibration.CalibrationView> calibrationView() {
        return Optional.ofNullable(calibrationView);
    }

    public Optional<io.kellydesk.desk.alerts.AlertsView> alertsView() {
        return Optional.ofNullable(alertsView);
    }

    /** The window's place, the view on show and the tables' layouts as the trader has them now. Any thread. */
    public io.kellydesk.core.ViewState viewState() {
        return viewState;
    }

    public io.kellydesk.desk.fx.DeskTime time() {
        return time;
    }

    /** Keeps the window's bounds (not while maximised: the bounds to come back to are the earlier ones). */
    private void rememberWindow(Stage window) {
        javafx.beans.InvalidationListener moved = o -> {
            if (!window.isMaximized() && !window.isIconified() && window.getWidth() > 0) {
                viewState = viewState.withWindow(new io.kellydesk.core.ViewState.WindowBounds(window.getX(), window.getY(),
                        window.getWidth(), window.getHeight()), false);
            } else if (window.isMaximized()) {
                viewState = viewState.withWindow(viewState.window(), true);
            }
        };
        window.xProperty().addListener(moved);
        window.yProperty().addListener(moved);
        window.widthProperty().addListener(moved);
        window.heightProperty().addListener(moved);
        window.maximizedProperty().addListener(moved);
        window.showingProperty().addListener((obs, was, now) -> {
            if (now) {
                moved.invalidated(null); // where it opened counts too: a window never moved is still kept
            }
        });
    }

    /** The table, the positions panel, the replay and the calibration: each built when first shown. */
    private void buildSymbolViews(MainWindowView view) {
        java.util.List<javafx.beans.Observable> filters = List.of(tiles.filterTextProperty(), tiles.tradableOnlyProperty());
        Tabs.whenFirstSelected(view.tableTab(), () -> {
            io.kellydesk.desk.table.SymbolRowsViewModel rows = rows("table", filters);
            tableView = new io.kellydesk.desk.table.SymbolTableView("symbol-table", rows, io.kellydesk.desk.table.SymbolColumn.table(),
                    viewState.table("symbols"), layout -> viewState = viewState.withTable("symbols", layout));
            view.tableContent().getChildren().setAll(tableView.table());
            tiles.selectedProperty().addListener((obs, was, now) -> tableView.select(now));
            tableView.select(tiles.selectedProperty().get());
        });
        Tabs.whenFirstSelected(view.positionsTab(), () -> {
            io.kellydesk.desk.table.SymbolRowsViewModel rows = rows("positions", filters);
            io.kellydesk.desk.positions.PositionsViewModel positions = new io.kellydesk.desk.positions.PositionsViewModel(rows,
                    parts.engine()::account, () -> parts.engine().context().settings().maxPortfolioRisk());
            positionsView = new io.kellydesk.desk.positions.PositionsView(positions, viewState.table("positions"),
                    layout -> viewState = viewState.withTable("positions", layout));
            view.positionsContent().getChildren().setAll(positionsView.root());
            tiles.selectedProperty().addListener((obs, was, now) -> positionsView.table().select(now));
        });
        parts.decisions().ifPresent(log -> Tabs.whenFirstSelected(view.calibrationTab(), () -> {
            io.kellydesk.desk.calibration.CalibrationViewModel calibration = new io.kellydesk.desk.calibration.CalibrationViewModel(log,
                    parts.tasks(), () -> parts.engine().context().settings().calibrationMinOutcomes());
            calibrationView = new io.kellydesk.desk.calibration.CalibrationView(calibration);
            view.calibrationContent().getChildren().setAll(calibrationView.root());
            view.calibrationTab().selectedProperty().addListener((obs, was, now) -> {
                if (now) {
                    calibration.refresh();
                }
            });
            calibration.refresh();
        }));
        view.mainTabs().getSelectionModel().selectedItemProperty().addListener((obs, was, now) ->
                viewState = viewState.withMainView(now.getId().replace("Tab", "")));
        view.mainTabs().getTabs().stream().filter(t -> t.getId().equals(viewState.mainView() + "Tab")).findFirst()
                .ifPresent(t -> view.mainTabs().getSelectionModel().select(t));
    }

    /** Rows of every symbol, filtered as the tiles are, seeded with what the engine has now. */
    private io.kellydesk.desk.table.SymbolRowsViewModel rows(String name, java.util.List<javafx.beans.Observable> filters) {
        io.kellydesk.desk.table.SymbolRowsViewModel rows = new io.kellydesk.desk.table.SymbolRowsViewModel(name, parts.bus(), parts.fx(),
                parts.clock(), (symbol, row) -> tiles.shows(symbol, row.snapshot()), filters, tiles::select);
        rows.activate();
        java.time.Instant now = parts.clock().instant();
        parts.engine().snapshots().forEach(s -> rows.upsert(io.kellydesk.desk.table.SymbolRow.of(s, now)));
        onClose.add(rows::deactivate);
        return rows;
    }

    /**
     * Unbinds every presenter and closes the settings window. Any thread: what touches nodes runs on the FX thread
     * later, the bus subscriptions end at once.
     */
    public void close() {
        mainViewModel.deactivate();
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
            return;
        }
        try {
            Platform.runLater(takeDown);
        } catch (IllegalStateException noToolkit) {
            takeDown.run(); // no JavaFX running (a desk without a window): nothing on screen to take down
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
        public void showLocalApi() {
            LocalApiDialog.create(stage, parts.localApi().get()).show();
        }

        @Override
        public void showShortcuts() {
            HelpWindows.shortcuts(stage, stage.getScene().getStylesheets());
        }

        @Override
        public void showUserGuide() {
            HelpWindows.userGuide(stage, stage.getScene().getStylesheets());
        }

        @Override
        public void quit() {
            Platform.exit();
        }
    }
}
