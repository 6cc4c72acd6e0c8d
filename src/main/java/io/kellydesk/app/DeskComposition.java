package io.kellydesk.app;

import io.kellydesk.core.DeskConfiguration;
import io.kellydesk.core.DeskPreferences;
import io.kellydesk.core.ServiceHealth;
import io.kellydesk.core.ServicesSettings;
import io.kellydesk.core.SizingContext;
import io.kellydesk.core.SizingSettings;
import io.kellydesk.core.UpstreamService;
import io.kellydesk.demo.DemoServices;
import io.kellydesk.desk.fx.FxCoalescer;
import io.kellydesk.desk.shell.MainWindowView;
import io.kellydesk.desk.shell.MainWindowViewModel;
import io.kellydesk.desk.fx.FxTasks;
import io.kellydesk.desk.shell.DeskShell;
import io.kellydesk.engine.CalibrationRefit;
import io.kellydesk.engine.DecisionLogSink;
import io.kellydesk.engine.DeskEngine;
import io.kellydesk.engine.DeskHandoffs;
import io.kellydesk.engine.EventBus;
import io.kellydesk.engine.HandoffPort;
import io.kellydesk.engine.LoggedDecisions;
import io.kellydesk.engine.SettingsControl;
import io.kellydesk.feeds.FeedSupervisor;
import io.kellydesk.settings.LoadedSettings;
import io.kellydesk.settings.OfficerPin;
import io.kellydesk.settings.OfficerRegistry;
import io.kellydesk.settings.SettingsRepository;
import io.kellydesk.settings.SettingsService;
import io.kellydesk.store.DecisionLog;
import io.kellydesk.store.SettingsAuditLog;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every part once, by constructor injection, starts them and stops them. It decides
 * nothing: rules live in the parts it wires.
 */
public final class DeskComposition implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeskComposition.class);
    private static final String USER = System.getProperty("user.name", "unknown");

    private final AppOptions options;
    private final DeskThreads threads = DeskThreads.create();
    private final DeskStartup startup;
    private final EventBus bus = new EventBus();
    private final DeskEngine engine;
    private final SettingsService settings;
    private final FeedSupervisor feeds;
    private final ServiceSources sources;
    private final DeskHandoffs handoffs;
    private final DeskShell shell;
    private final Optional<io.kellydesk.engine.DecisionBrowser> decisions;
    private final LocalApi api;
    private final Object lifecycle = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();
    private boolean closing;
    private volatile ServicesSettings servicesInForce;
    private final List<String> officerProblems = new ArrayList<>();

    /**
     * Prepares folders, settings and services; runs off the FX thread (in {@code Application.init}).
     *
     * @param fxThread how to reach the FX thread ({@code Platform::runLater})
     */
    private final io.kellydesk.core.ViewStateStore viewStates;

    public DeskComposition(AppOptions options, BuildInfo buildInfo, Executor fxThread) {
        this(options, buildInfo, fxThread, Clock.systemUTC());
    }

    DeskComposition(AppOptions options, BuildInfo buildInfo, Executor fxThread, Clock clock) {
        this.options = options;
        FxCoalescer fx = new FxCoalescer(fxThread);
        this.startup = DeskStartup.open(options, clock, fx);
        Optional<DecisionLog> log = startup.decisionLog();
        this.engine = new DeskEngine(startup.settings().map(s -> SizingContext.of(s.sizing(), null))
                .orElseGet(() -> SizingContext.blocked(startup.settingsProblem().orElse("unusable"))),
                threads.compute(), bus, DecisionLogSink.over(log, bus, clock), clock);
        DeskConfiguration running = startup.settings().map(LoadedSettings::configuration)
                .orElse(new DeskConfiguration(engine.context().settings(), ServicesSettings.defaults(), DeskPreferences.defaults()));
        this.decisions = log.map(l -> new LoggedDecisions(l, clock));
        this.viewStates = new io.kellydesk.settings.ViewStateFile(options.dataDir().resolve("view-state.json"));
        OfficerRegistry officers = new OfficerRegistry(options.dataDir().resolve("officers"), clock, OfficerPin.DEFAULT_ITERATIONS);
        startup.settings().ifPresent(loaded -> officerProblems.addAll(officers.provisionFrom(loaded.tree())));
        officerProblems.forEach(problem -> LOG.warn("{}", problem));
        this.settings = new SettingsService(new SettingsRepository(options.settingsFile()), startup.settings().orElse(null), running,
                new SettingsAuditLog(log), officers, clock, USER);
        this.feeds = new FeedSupervisor(engine, clock, threads.poll());
        this.sources = new ServiceSources(options, clock);
        this.handoffs = new DeskHandoffs(engine, log, feeds.orderGateway(), () -> settings.current().desk(), bus, clock,
                threads.handoff(), USER);
        this.shell = new DeskShell(new DeskShell.Parts(engine, bus, handoffs, new SettingsControl(settings,
                new io.kellydesk.core.SettingsCatalog()), decisions,
                log.map(l -> new DeskShell.DecisionLogText(l.isReadOnly() ? "Decision log open read-only" : "Decision log is being written",
                        "Every recommendation, hand-off and settings change goes to " + l.file()
                                + ". This list view is not built yet; the file can be read with the sqlite3 shell.")),
                feeds::health, new FxTasks(threads.compute(), fxThread), fx, threads.healthSampler(), clock,
                new DeskShell.About(buildInfo.version(), buildInfo.componentVersions()), SmokeRun::mark, this::localApiText,
                viewStates.load()),
                Arrays.stream(UpstreamService.values()).map(UpstreamService::displayName).toList());
        this.servicesInForce = running.services();
        this.api = new LocalApi(new io.kellydesk.api.DeskApi.Sources(engine, bus, decisions, feeds::health), options.dataDir(), clock,
                threads.apiStream());
        startup.alarm().reportTo(shell);
        settings.onApplied(this::applied);
        engine.onExposureSymbols(feeds::trackExposure);
        LOG.info("Kelly Desk {} starting: settings {}, data {}, demo {}",
                buildInfo.version(), options.settingsFile(), options.dataDir(), options.demo());
    }

    /** Builds the main window into {@code stage} and starts polling in the background; FX thread. */
    public MainWindowView showIn(Stage stage) {
        List<String> problems = new ArrayList<>();
        startup.settingsProblem().ifPresent(problems::add);
        problems.addAll(startup.notices());
        problems.addAll(officerProblems);
        MainWindowView view = shell.show(stage, problems);
        threads.compute().execute(this::startServices); // binding sockets and starting the poller is I/O
        return view;
    }

    /** Starts the feeds, resumes unfinished handoffs and the engine's timers. Background; a close() waits for it. */
    void startServices() {
        synchronized (lifecycle) {
            if (closing) {
                return;
            }
            startFeeds(settings.current().services());
            threads.compute().execute(handoffs::resumeUnfinished);
            threads.ticker().scheduleAtFixedRate(engine::tick, 1, 1, TimeUnit.SECONDS);
            startup.decisionLog().ifPresent(log -> threads.ticker().scheduleWithFixedDelay(new CalibrationRefit(log, engine),
                    5, 60, TimeUnit.SECONDS));
            api.start(settings.current().desk(), problem -> shell.report("api", w -> w.reportError(problem)));
        }
    }

    private void startFeeds(ServicesSettings configured) {
        ServiceSources.Choice choice = sources.choose(configured);
        choice.problem().ifPresent(problem -> shell.report("demo-start-failed", window -> window.reportError(problem)));
        shell.report("services-started", window -> {
            if (window.tilesWaitingTextProperty().get().isEmpty()) {
                window.tilesWaitingTextProperty().set(choice.waiting());
            }
            window.statusTextProperty().set(choice.status());
        });
        SizingSettings sizing = engine.context().settings();
        feeds.start(choice.effective(), Duration.ofDays(sizing.winLossLookbackDays()), sizing.correlationLookbackBars() + 1);
    }

    /** Applied settings: every symbol re-sized at once; changed services re-polled; desk preferences to the window. */
    private void applied(DeskConfiguration next) {
        ServicesSettings before = servicesInForce;
        servicesInForce = next.services();
        engine.updateSettings(next.sizing());
        if (!next.services().equals(before)) {
            synchronized (lifecycle) {
                if (!closing) {
                    startFeeds(next.services());
                }
            }
        }
        shell.applyPreferencesLater(next.desk());
    }

    /** Reports an unexpected failure: always to the log, and to the banner (coalesced). Any thread. */
    public void reportUnexpected(Thread thread, Throwable error) {
        LOG.error("Unexpected failure on thread {}", thread.getName(), error);
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        startup.alarm().unexpected("Unexpected error (" + thread.getName() + "): " + message + " — details in the log.");
    }

    public DeskShell shell() {
        return shell;
    }

    public MainWindowViewModel mainViewModel() {
        return shell.mainViewModel();
    }

    /** The engine's events (tests publish to it as the engine would). */
    public EventBus bus() {
        return bus;
    }

    public DeskEngine engine() {
        return engine;
    }

    public Optional<DecisionLog> decisionLog() {
        return startup.decisionLog();
    }

    public Optional<DemoServices> demo() {
        return sources.demo();
    }

    /** Every service's figures now, from the poller's windows (for scenarios). */
    Map<UpstreamService, ServiceHealth> liveHealth() {
        Map<UpstreamService, ServiceHealth> all = new EnumMap<>(UpstreamService.class);
        feeds.health().forEach(h -> all.put(h.service(), h));
        return all;
    }

    private Optional<DeskShell.LocalApiText> localApiText() {
        return api.port().isPresent() ? Optional.of(new DeskShell.LocalApiText("http://" + settings.current().desk().apiBind() + ":"
                + api.port().getAsInt() + "/api/kelly", options.dataDir().resolve(io.kellydesk.api.ApiToken.FILE_NAME))) : Optional.empty();
    }

    /** The local API's port, when it listens (for scenarios). */
    java.util.OptionalInt apiPort() {
        return api.port();
    }

    /** The desk's handoff port (for scenarios that hand off without the window). */
    HandoffPort handoffs() {
        return handoffs;
    }

    /**
     * Stops everything once, whoever asks first (the window, a signal, the shutdown hook), on whichever thread asks:
     * the window is taken down on the FX thread later; the rest stops here, in the reverse order of starting, and the
     * decision log is flushed and closed before this returns.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        shell.close();
        viewStates.save(shell.viewState()); // a small file, on the closing thread: the window's place for next time
        handoffs.close();
        synchronized (lifecycle) {
            closing = true;
        }
        api.close();
        feeds.close();
        engine.close();
        threads.close();
        startup.decisionLog().ifPresent(DecisionLog::close);
        sources.close();
        LOG.info("Kelly Desk stopped");
    }
}
