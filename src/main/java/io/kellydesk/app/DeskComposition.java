package io.kellydesk.app;

import io.kellydesk.core.DeskConfiguration;
import io.kellydesk.core.ServicesSettings;
import io.kellydesk.core.SettingsIssue;
import io.kellydesk.core.SettingsValidator;
import io.kellydesk.core.SizingContext;
import io.kellydesk.core.SizingSettings;
import io.kellydesk.core.UpstreamService;
import io.kellydesk.demo.DemoMarket;
import io.kellydesk.demo.DemoServices;
import io.kellydesk.desk.AboutDialog;
import io.kellydesk.desk.FxCoalescer;
import io.kellydesk.desk.HealthPresenter;
import io.kellydesk.desk.HealthView;
import io.kellydesk.desk.MainWindowPresenter;
import io.kellydesk.desk.MainWindowView;
import io.kellydesk.desk.MainWindowViewModel;
import io.kellydesk.desk.ChartView;
import io.kellydesk.desk.DecisionBrowser;
import io.kellydesk.desk.DecisionsView;
import io.kellydesk.desk.DetailPresenter;
import io.kellydesk.desk.DetailView;
import io.kellydesk.desk.DetailViewModel;
import io.kellydesk.desk.NotificationPresenter;
import io.kellydesk.desk.RecommendationTilesPresenter;
import io.kellydesk.core.IsotonicCalibrator;
import io.kellydesk.core.Recommendation;
import io.kellydesk.engine.DecisionSink;
import io.kellydesk.engine.DeskEvent;
import io.kellydesk.store.DecisionLog;
import io.kellydesk.store.DecisionLogException;
import io.kellydesk.store.StorageAlarm;
import io.kellydesk.engine.DeskEngine;
import io.kellydesk.engine.EventBus;
import io.kellydesk.feeds.FeedPoller;
import io.kellydesk.feeds.UpstreamClient;
import io.kellydesk.feeds.UpstreamHttp;
import io.kellydesk.settings.LoadedSettings;
import io.kellydesk.settings.SettingsFiles;
import io.kellydesk.settings.SettingsRepository;
import io.kellydesk.tasks.PooledTaskExecutor;
import io.kellydesk.tasks.TaskExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every service once, by constructor injection, and wires them.
 * Nothing else in the application constructs services or reaches for a static instance.
 */
public final class DeskComposition implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeskComposition.class);
    static final List<String> SERVICE_NAMES = java.util.Arrays.stream(UpstreamService.values())
            .map(UpstreamService::displayName).toList();

    private final AppOptions options;
    private final BuildInfo buildInfo;
    private final Clock clock;
    private final TaskExecutor computeExecutor;
    private final FxCoalescer fxUpdates;
    private final MainWindowViewModel mainViewModel;
    private final Queue<String> pendingErrors = new ConcurrentLinkedQueue<>();
    private final SettingsRepository settingsRepository;
    private final SettingsRepository.Startup settingsStartup;
    private final EventBus bus = new EventBus();
    private final DeskEngine engine;
    private final MainWindowPresenter presenter;
    private volatile ServicesSettings servicesSettings;
    private final SettingsApplier settingsApplier;
    private final io.kellydesk.settings.OfficerPin officerPin;
    private io.kellydesk.desk.SettingsView settingsView;
    private final DeskHandoffs handoffs;
    private io.kellydesk.desk.HandoffPresenter handoffPresenter;
    private volatile io.kellydesk.desk.HandoffsView handoffsView;
    private final Queue<String> pendingNotices = new ConcurrentLinkedQueue<>();
    private final Optional<DecisionLog> decisionLog;
    private volatile int calibratedOn = -1;
    private final Object lifecycle = new Object();
    private boolean closing;
    private volatile DemoServices demo;
    private volatile UpstreamHttp http;
    private volatile FeedPoller poller;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile ScheduledExecutorService ticker;
    private RecommendationTilesPresenter tilesPresenter;
    private DetailPresenter detailPresenter;
    private volatile HealthPresenter healthPresenter;
    private DecisionsView decisionsView;
    private volatile ChartView chartView;
    private NotificationPresenter notificationPresenter;
    private javafx.animation.Timeline decisionsRefresh;
    private final ScheduledExecutorService uiSampler = Executors.newSingleThreadScheduledExecutor(
            PooledTaskExecutor.namedDaemons("kd-ui-sampler"));
    private Stage stage;

    /**
     * Prepares folders, settings and services; runs off the FX thread (in {@code Application.init}).
     *
     * @param fxThread how to reach the FX thread ({@code Platform::runLater})
     */
    public DeskComposition(AppOptions options, BuildInfo buildInfo, Executor fxThread) {
        this(options, buildInfo, fxThread, Clock.systemUTC());
    }

    DeskComposition(AppOptions options, BuildInfo buildInfo, Executor fxThread, Clock clock) {
        this.options = Objects.requireNonNull(options);
        this.buildInfo = Objects.requireNonNull(buildInfo);
        this.clock = clock;
        createFolders(options);
        SettingsFiles.createWithDefaultsIfMissing(options.settingsFile());
        this.settingsRepository = new SettingsRepository(options.settingsFile());
        this.settingsStartup = settingsRepository.loadForStartup();
        this.servicesSettings = settingsStartup.settings().map(LoadedSettings::services).orElse(ServicesSettings.defaults());
        this.computeExecutor = new PooledTaskExecutor("kd-compute", 2);
        this.fxUpdates = new FxCoalescer(fxThread);
        this.mainViewModel = new MainWindowViewModel(SERVICE_NAMES);
        this.decisionLog = openDecisionLog();
        this.engine = new DeskEngine(startingContext(), computeExecutor, bus, decisionSink(), clock);
        decisionLog.filter(log -> !log.isReadOnly()).ifPresent(log -> bus.subscribe(DeskEvent.ServiceHealthChanged.class,
                e -> log.recordServiceEvent(clock.instant(), e.health().service().displayName(), e.health().state().name(),
                        e.health().lastError().orElse(e.health().detail()))));
        this.presenter = new MainWindowPresenter(mainViewModel, bus, fxUpdates);
        DeskConfiguration running = settingsStartup.settings().map(LoadedSettings::configuration)
                .orElse(new DeskConfiguration(engine.context().settings(), servicesSettings, io.kellydesk.core.DeskPreferences.defaults()));
        this.settingsApplier = new SettingsApplier(settingsRepository, settingsStartup.settings().orElse(null), running, decisionLog,
                clock, this::applyLive);
        this.handoffs = new DeskHandoffs(engine, decisionLog, () -> http, () -> settingsApplier.current().desk(), bus, clock);
        this.officerPin = new io.kellydesk.settings.OfficerPin(options.dataDir().resolve("officer-pin.json"), clock,
                io.kellydesk.settings.OfficerPin.DEFAULT_ITERATIONS);
        LOG.info("Kelly Desk {} starting: settings {}, data {}, demo {}",
                buildInfo.version(), options.settingsFile(), options.dataDir(), options.demo());
    }

    /** Settings that did not load leave a context whose verdict blocks every trade: the desk fails closed. */
    private SizingContext startingContext() {
        if (settingsStartup.settings().isPresent()) {
            return SizingContext.of(settingsStartup.settings().get().sizing(), null);
        }
        SizingSettings placeholder = SizingSettings.defaults();
        SettingsValidator.Report blocked = new SettingsValidator.Report(List.of(new SettingsIssue("settings file",
                SettingsIssue.Severity.ERROR, settingsStartup.problem().orElse("unusable"))));
        return new SizingContext(placeholder, blocked, "unusable", null);
    }

    /** Opens the decision log; a log that cannot be opened leaves the desk running, loudly, without one. */
    private Optional<DecisionLog> openDecisionLog() {
        try {
            DecisionLog log = DecisionLog.open(options.dataDir(), clock, new BannerAlarm());
            log.startupNotice().ifPresent(pendingNotices::add);
            return Optional.of(log);
        } catch (DecisionLogException e) {
            LOG.error("Decision log unavailable: {}", e.getMessage(), e.getCause());
            pendingNotices.add(e.getMessage());
            return Optional.empty();
        }
    }

    private DecisionSink decisionSink() {
        if (decisionLog.isEmpty() || decisionLog.get().isReadOnly()) {
            return recommendation -> { };
        }
        DecisionLog log = decisionLog.get();
        return new DecisionSink() {
            @Override
            public void record(Recommendation recommendation) {
                log.append(recommendation);
            }

            @Override
            public void heartbeat(String symbol, String inputsHash, java.time.Instant at) {
                log.heartbeat(symbol, inputsHash, at);
            }

            @Override
            public void tradesClosed(List<io.kellydesk.core.ClosedTrade> trades) {
                log.resolveOutcomes(trades);
            }
        };
    }

    /** Storage trouble goes to the banner (coalesced), and its end too. */
    private final class BannerAlarm implements StorageAlarm {
        @Override
        public void raised(String message) {
            LOG.error("Decision log: {}", message);
            fxUpdates.post("storage-alarm", () -> mainViewModel.reportError(message));
        }

        @Override
        public void cleared(String message) {
            LOG.info("Decision log: {}", message);
            fxUpdates.post("storage-alarm", () -> mainViewModel.statusTextProperty().set(message));
        }
    }

    /** Refits the pooled calibration from the resolved outcomes (background; only when their number changed). */
    private void refreshCalibration() {
        decisionLog.ifPresent(log -> {
            try {
                List<IsotonicCalibrator.Outcome> outcomes = log.queries().outcomePairs();
                if (outcomes.size() != calibratedOn) {
                    calibratedOn = outcomes.size();
                    engine.updateCalibration(IsotonicCalibrator.fit(outcomes));
                    LOG.info("Calibration refitted on {} resolved outcomes", outcomes.size());
                }
            } catch (DecisionLogException e) {
                LOG.warn("Could not read outcomes for calibration: {}", e.getMessage());
            }
        });
    }

    /**
     * An unusable data folder never stops the window: the decision log then fails to open and says so in one
     * sentence, and the desk runs without it (and without hand-off).
     */
    private static void createFolders(AppOptions options) {
        try {
            Files.createDirectories(options.dataDir());
            Files.createDirectories(options.logDir());
        } catch (IOException e) {
            LOG.error("Cannot create the data folder {} or its logs folder", options.dataDir(), e);
        }
    }

    /** Builds the main window into {@code stage} and starts polling; FX thread. */
    public MainWindowView showIn(Stage stage) {
        this.stage = stage;
        MainWindowView view = new MainWindowView(mainViewModel, new MenuActions());
        Scene scene = new Scene(view.load(), 1440, 900);
        SmokeRun.mark("main window FXML loaded");
        mainViewModel.themeProperty().get().applyTo(scene);
        mainViewModel.themeProperty().addListener((obs, was, theme) -> theme.applyTo(scene));
        stage.setTitle("Kelly Desk");
        stage.setMinWidth(1024);
        stage.setMinHeight(640);
        stage.setScene(scene);
        settingsStartup.problem().ifPresent(mainViewModel::reportError);
        handoffPresenter = new io.kellydesk.desk.HandoffPresenter(handoffs, bus, fxUpdates, Platform::runLater, () -> stage,
                () -> scene.getStylesheets(), mainViewModel::reportError);
        handoffPresenter.activate();
        // the explanation pane is built when the trader first selects a symbol: not before the first frame
        detailPresenter = new DetailPresenter(() -> {
            DetailView detailView = new DetailView(new DetailViewModel(() -> engine.context().settings()));
            view.detailPane().getChildren().add(detailView.load());
            return detailView;
        }, bus, fxUpdates, clock, handoffPresenter::handOff, handoffs::unavailable);
        detailPresenter.activate();
        // Ctrl+Enter: hand off the selected recommendation (opens its ticket; one-click sends)
        scene.getAccelerators().put(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.ENTER,
                javafx.scene.input.KeyCombination.SHORTCUT_DOWN), () -> detailPresenter.current().ifPresent(handoffPresenter::handOff));
        // Tabs not on show are built when first opened: fewer nodes to style before the first frame.
        whenFirstSelected(view.handoffsTab(), () -> {
            handoffsView = new io.kellydesk.desk.HandoffsView(handoffs, bus, fxUpdates, computeExecutor, Platform::runLater,
                    mainViewModel::reportError);
            view.handoffsContent().getChildren().setAll(handoffsView.load());
            handoffsView.activate();
        });
        whenFirstSelected(view.chartTab(), () -> {
            chartView = new ChartView(engine, computeExecutor, Platform::runLater, clock);
            view.chartContent().getChildren().setAll(chartView.load());
            chartView.setFixedContracts(settingsApplier.current().desk().chartFixedContracts());
            detailPresenter.current().ifPresent(s -> chartView.select(s.symbol()));
            view.chartTab().selectedProperty().addListener((obs, was, now) -> {
                if (now) {
                    chartView.redraw();
                }
            });
            chartView.redraw();
        });
        tilesPresenter = new RecommendationTilesPresenter(view.tilePane(), bus, fxUpdates, clock, symbol -> {
            detailPresenter.select(symbol);
            if (chartView != null) {
                chartView.select(symbol);
            }
        });
        tilesPresenter.bindToolbar(view.tileFilter(), view.tradableOnly(), view.tileOrder());
        decisionLog.ifPresent(log -> tilesPresenter.seedSparklinesFrom(symbol -> {
            java.time.Instant now = clock.instant();
            return log.queries().history(symbol, now.minus(Duration.ofHours(1)), now).stream()
                    .map(d -> Map.entry(d.decidedAt(), "TRADE".equals(d.status()) && d.fUsed() != null ? d.fUsed() : 0.0))
                    .sorted(Map.Entry.comparingByKey()).toList();
        }, computeExecutor, Platform::runLater));
        tilesPresenter.activate();
        whenFirstSelected(view.healthTab(), () -> {
            HealthView healthView = new HealthView(clock);
            view.healthContent().getChildren().setAll(healthView.load());
            healthPresenter = new HealthPresenter(healthView, bus, fxUpdates,
                    () -> poller == null ? List.of() : poller.health(),
                    () -> engine.context().settings().emergencyReductionTrigger(), uiSampler);
            healthPresenter.activate();
        });
        notificationPresenter = new NotificationPresenter(bus, fxUpdates, stage);
        notificationPresenter.activate();
        // The decision log's table is built once the first tiles are up (or after 3 s): the tiles come first.
        decisionLog.ifPresent(log -> whenTilesUpOr(view, Duration.ofSeconds(3), () -> showDecisions(view, log)));
        decisionLog.ifPresent(log -> {
            mainViewModel.decisionsTitleProperty().set(log.isReadOnly() ? "Decision log open read-only" : "Decision log is being written");
            mainViewModel.decisionsTextProperty().set("Every recommendation, hand-off and settings change goes to " + log.file()
                    + ". This list view is not built yet; the file can be read with the sqlite3 shell.");
        });
        applyDeskPreferences(settingsApplier.current().desk());
        pendingNotices.forEach(mainViewModel::reportError);
        pendingNotices.clear();
        presenter.activate();
        // Binding sockets and starting the poller is I/O: not on the FX thread.
        computeExecutor.execute(this::startServices);
        SmokeRun.mark("window wired, showing (first CSS pass and layout)");
        stage.show();
        // The window icons after the first frame: decoding and scaling them inside show() was ~5 % of it (JFR).
        // Decoded off the FX thread, which only hands them to the stage.
        computeExecutor.execute(() -> {
            List<Image> icons = new java.util.ArrayList<>();
            for (int size : new int[] {16, 32, 64, 256}) {
                var icon = DeskComposition.class.getResource("/icons/kelly-desk-" + size + ".png");
                if (icon != null) {
                    icons.add(new Image(icon.toExternalForm()));
                }
            }
            Platform.runLater(() -> stage.getIcons().setAll(icons));
        });
        return view;
    }

    /** Runs {@code build} once on the FX thread: when the first tile is on screen, or after {@code atLatest}. */
    @SuppressWarnings("unchecked") // a one-element array holds the listener so it can remove itself
    private static void whenTilesUpOr(MainWindowView view, Duration atLatest, Runnable build) {
        javafx.animation.PauseTransition timer = new javafx.animation.PauseTransition(javafx.util.Duration.millis(atLatest.toMillis()));
        javafx.collections.ListChangeListener<javafx.scene.Node>[] firstTile = new javafx.collections.ListChangeListener[1];
        Runnable once = () -> {
            if (firstTile[0] != null) {
                view.tilePane().getChildren().removeListener(firstTile[0]);
                firstTile[0] = null;
                timer.stop();
                build.run();
            }
        };
        firstTile[0] = change -> {
            if (!view.tilePane().getChildren().isEmpty()) {
                Platform.runLater(once); // after this pulse has drawn the tiles
            }
        };
        view.tilePane().getChildren().addListener(firstTile[0]);
        timer.setOnFinished(e -> once.run());
        timer.play();
    }

    /** Runs {@code build} the first time {@code tab} is selected (at once when it already is). FX thread. */
    private static void whenFirstSelected(javafx.scene.control.Tab tab, Runnable build) {
        if (tab.isSelected()) {
            build.run();
            return;
        }
        javafx.beans.value.ChangeListener<Boolean>[] once = new javafx.beans.value.ChangeListener[1];
        once[0] = (obs, was, now) -> {
            if (now) {
                tab.selectedProperty().removeListener(once[0]);
                build.run();
            }
        };
        tab.selectedProperty().addListener(once[0]);
    }

    /** The Decisions tab over the log: reads in the background, refreshed while the tab is open. */
    private void showDecisions(MainWindowView view, DecisionLog log) {
        DecisionBrowser browser = new DecisionBrowser() {
            @Override
            public List<io.kellydesk.core.LoggedDecision> find(Filter f, int limit) throws Exception {
                return log.queries().latest(limit, new io.kellydesk.store.DecisionQueries.Filter(f.symbol(), f.status(), f.reason(), f.from(), null));
            }

            @Override
            public Optional<Map<String, Object>> details(long id) throws Exception {
                return log.queries().row(id);
            }

            @Override
            public void exportCsv(List<io.kellydesk.core.LoggedDecision> rows, java.nio.file.Path file) throws Exception {
                java.nio.file.Path temp = java.nio.file.Files.createTempFile(file.toAbsolutePath().getParent(), ".export-", ".csv");
                try (java.io.Writer out = java.nio.file.Files.newBufferedWriter(temp)) {
                    DecisionLog.exportCsv(rows, out);
                }
                java.nio.file.Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        };
        decisionsView = new DecisionsView(browser, computeExecutor, Platform::runLater, clock, mainViewModel::reportError);
        view.decisionsContent().getChildren().setAll(decisionsView.load());
        bus.subscribe(DeskEvent.SymbolsChanged.class, e -> fxUpdates.post("decision-symbols", () -> decisionsView.offerSymbols(e.symbols())));
        decisionsView.offerSymbols(engine.activeSymbols()); // those announced before this tab was built
        decisionsRefresh = new javafx.animation.Timeline(new javafx.animation.KeyFrame(javafx.util.Duration.seconds(10), e -> {
            if (view.decisionsTab().isSelected()) {
                decisionsView.refresh();
            }
        }));
        decisionsRefresh.setCycleCount(javafx.animation.Animation.INDEFINITE);
        decisionsRefresh.play();
        // The first decisions of a session show within seconds, not at the next 10-second refresh.
        java.util.concurrent.atomic.AtomicBoolean firstSeen = new java.util.concurrent.atomic.AtomicBoolean();
        EventBus.Subscription[] first = new EventBus.Subscription[1];
        first[0] = bus.subscribe(DeskEvent.RecommendationChanged.class, e -> {
            if (firstSeen.compareAndSet(false, true)) {
                if (first[0] != null) {
                    first[0].close(); // once is enough: not a check on every later event
                }
                fxUpdates.post("decisions-first", () -> {
                    javafx.animation.PauseTransition soon = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(2));
                    soon.setOnFinished(done -> {
                        if (view.decisionsTab().isSelected()) {
                            decisionsView.refresh();
                        }
                    });
                    soon.play();
                });
            }
        });
        if (firstSeen.get()) {
            first[0].close(); // the first event came before the handle was stored
        }
        view.decisionsTab().selectedProperty().addListener((obs, was, now) -> {
            if (now) {
                decisionsView.refresh();
            }
        });
        if (view.decisionsTab().isSelected()) {
            decisionsView.refresh();
        }
    }

    /**
     * Starts the demo services when asked (or when nothing is configured), then the poller and the ticker. Runs in the
     * background; texts for the window go through the coalescer. Under the lock, so a close() waits for it.
     */
    void startServices() {
        synchronized (lifecycle) {
            if (!closing) {
                startServicesLocked();
            }
        }
    }

    private void startServicesLocked() {
        startFeedsLocked(servicesSettings);
        computeExecutor.execute(handoffs::resumeUnfinished);
        ticker = Executors.newSingleThreadScheduledExecutor(PooledTaskExecutor.namedDaemons("kd-engine-tick"));
        ticker.scheduleAtFixedRate(engine::tick, 1, 1, TimeUnit.SECONDS);
        ticker.scheduleWithFixedDelay(this::refreshCalibration, 5, 60, TimeUnit.SECONDS);
    }

    /** The settings window changed the services: the poller starts again on the new URLs, timeouts and intervals. */
    private void restartFeeds(ServicesSettings next) {
        synchronized (lifecycle) {
            if (closing) {
                return;
            }
            if (poller != null) {
                poller.close();
            }
            if (http != null) {
                http.close();
            }
            startFeedsLocked(next);
        }
    }

    private void startFeedsLocked(ServicesSettings servicesSettings) {
        boolean useDemo = switch (options.demo()) {
            case ON -> true;
            case OFF -> false;
            case AUTO -> !servicesSettings.anyConfigured();
        };
        ServicesSettings effective = servicesSettings;
        String source;
        if (useDemo) {
            try {
                if (demo == null) {
                    demo = DemoServices.start(DemoMarket.cmeEight(clock), 0);
                }
                Map<UpstreamService, ServicesSettings.Endpoint> endpoints = new EnumMap<>(UpstreamService.class);
                demo.baseUrls().forEach((service, url) -> endpoints.put(service, new ServicesSettings.Endpoint(url, Optional.empty())));
                effective = servicesSettings.withEndpoints(endpoints);
                source = "demo services on " + demo.baseUrls().get(UpstreamService.MARKET_DATA).replace("http://", "") + " …";
            } catch (IOException e) {
                String problem = "Could not start the demo services: " + e.getMessage();
                fxUpdates.post("demo-start-failed", () -> mainViewModel.reportError(problem));
                source = "no services";
            }
        } else {
            source = servicesSettings.anyConfigured() ? "configured services" : "no services configured (--no-demo)";
        }
        String waiting = useDemo ? "Waiting for the demo services to answer…"
                : servicesSettings.anyConfigured() ? "Waiting for the services to answer…"
                : "Demo services are off (--no-demo) and no service URL is configured in " + options.settingsFile().getFileName() + ".";
        String status = "Data: " + source + "   ·   Settings: " + options.settingsFile() + "   ·   Log: " + options.dataDir();
        fxUpdates.post("services-started", () -> {
            if (mainViewModel.tilesWaitingTextProperty().get().isEmpty()) {
                mainViewModel.tilesWaitingTextProperty().set(waiting);
            }
            mainViewModel.statusTextProperty().set(status);
        });
        http = new UpstreamHttp(effective);
        SizingSettings sizing = engine.context().settings();
        poller = new FeedPoller(new UpstreamClient(http), effective, engine, clock, () -> ThreadLocalRandom.current().nextDouble(),
                Duration.ofDays(sizing.winLossLookbackDays()), sizing.correlationLookbackBars() + 1);
        poller.start();
        engine.onExposureSymbols(poller::trackExposure);
    }

    /**
     * Makes {@code next} the running desk's settings (called by the settings window's apply, in the background):
     * every symbol is re-sized at once; changed services re-poll; desk preferences reach the window.
     */
    private void applyLive(DeskConfiguration next) {
        engine.updateSettings(next.sizing());
        if (!next.services().equals(servicesSettings)) {
            servicesSettings = next.services();
            restartFeeds(next.services());
        }
        fxUpdates.post("desk-preferences", () -> applyDeskPreferences(next.desk()));
    }

    /** Theme, watchlist and chart size from the Desk section. FX thread. */
    private void applyDeskPreferences(io.kellydesk.core.DeskPreferences desk) {
        mainViewModel.themeProperty().set(desk.theme().equals("light") ? io.kellydesk.desk.Theme.LIGHT : io.kellydesk.desk.Theme.DARK);
        if (tilesPresenter != null) {
            tilesPresenter.setWatchlist(desk.watchlist());
        }
        if (chartView != null) {
            chartView.setFixedContracts(desk.chartFixedContracts());
        }
    }

    /** The settings window; one at a time (a second File › Settings… brings it to the front). FX thread. */
    public io.kellydesk.desk.SettingsView openSettingsWindow() {
        if (settingsView != null && settingsView.stage() != null && settingsView.stage().isShowing()) {
            settingsView.stage().toFront();
            return settingsView;
        }
        var session = new io.kellydesk.settings.OfficerSession(clock,
                Duration.ofSeconds(settingsApplier.current().desk().officerIdleRelockSeconds()));
        var viewModel = new io.kellydesk.desk.SettingsViewModel(new io.kellydesk.settings.SettingsCatalog(), settingsApplier,
                officerPin, session, computeExecutor, Platform::runLater, clock);
        settingsView = new io.kellydesk.desk.SettingsView(viewModel);
        settingsView.open(stage, stage.getScene().getStylesheets());
        return settingsView;
    }

    /**
     * Reports an unexpected failure: always to the log, and to the non-blocking banner. Safe from any thread;
     * a storm of failures costs one hop to the FX thread per pulse.
     */
    public void reportUnexpected(Thread thread, Throwable error) {
        LOG.error("Unexpected failure on thread {}", thread.getName(), error);
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        pendingErrors.add("Unexpected error (" + thread.getName() + "): " + message + " — details in the log.");
        fxUpdates.post("error-banner", () -> {
            for (String pending; (pending = pendingErrors.poll()) != null; ) {
                mainViewModel.reportError(pending);
            }
        });
    }

    public MainWindowViewModel mainViewModel() {
        return mainViewModel;
    }

    public TaskExecutor computeExecutor() {
        return computeExecutor;
    }

    public DeskEngine engine() {
        return engine;
    }

    public EventBus bus() {
        return bus;
    }

    public Optional<DecisionLog> decisionLog() {
        return decisionLog;
    }

    public Optional<ChartView> chartView() {
        return Optional.ofNullable(chartView);
    }

    public Optional<DecisionsView> decisionsView() {
        return Optional.ofNullable(decisionsView);
    }

    public Optional<io.kellydesk.desk.HandoffPresenter> handoffPresenter() {
        return Optional.ofNullable(handoffPresenter);
    }

    public Optional<DemoServices> demo() {
        return Optional.ofNullable(demo);
    }

    /** Every service's figures now, from the poller's windows (for scenarios). */
    java.util.Map<io.kellydesk.core.UpstreamService, io.kellydesk.core.ServiceHealth> liveHealth() {
        java.util.Map<io.kellydesk.core.UpstreamService, io.kellydesk.core.ServiceHealth> all =
                new java.util.EnumMap<>(io.kellydesk.core.UpstreamService.class);
        FeedPoller p = poller;
        if (p != null) {
            p.health().forEach(h -> all.put(h.service(), h));
        }
        return all;
    }

    /** The desk's handoff port (for scenarios that hand off without the window). */
    io.kellydesk.desk.HandoffPort handoffs() {
        return handoffs;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return; // the window, a signal and the shutdown hook may all ask
        }
        presenter.deactivate();
        if (settingsView != null && settingsView.stage() != null) {
            Stage settingsStage = settingsView.stage();
            Platform.runLater(settingsStage::hide);
        }
        if (decisionsRefresh != null) {
            javafx.animation.Timeline timeline = decisionsRefresh;
            Platform.runLater(timeline::stop);
        }
        if (handoffPresenter != null) {
            io.kellydesk.desk.HandoffPresenter presenterToClose = handoffPresenter;
            Platform.runLater(presenterToClose::deactivate);
            if (handoffsView != null) {
                handoffsView.deactivate();
            }
        }
        handoffs.close();
        if (tilesPresenter != null) {
            Platform.runLater(tilesPresenter::deactivate);
            detailPresenter.deactivate();
            if (healthPresenter != null) {
                healthPresenter.deactivate();
            }
            notificationPresenter.deactivate();
        }
        uiSampler.shutdownNow();
        synchronized (lifecycle) {
            closing = true;
        }
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (poller != null) {
            poller.close();
        }
        if (http != null) {
            http.close();
        }
        engine.close();
        decisionLog.ifPresent(DecisionLog::close);
        if (demo != null) {
            demo.close();
        }
        LOG.info("Kelly Desk stopped");
    }

    private final class MenuActions implements MainWindowView.Actions {
        @Override
        public void openSettings() {
            openSettingsWindow();
        }

        @Override
        public void showAbout() {
            AboutDialog.create(stage, buildInfo.version(), buildInfo.componentVersions()).show();
        }

        @Override
        public void quit() {
            Platform.exit();
        }
    }
}
