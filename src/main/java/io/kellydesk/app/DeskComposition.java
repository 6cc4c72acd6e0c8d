package io.kellydesk.app;

import io.kellydesk.desk.AboutDialog;
import io.kellydesk.desk.FxCoalescer;
import io.kellydesk.desk.MainWindowView;
import io.kellydesk.desk.MainWindowViewModel;
import io.kellydesk.settings.SettingsFiles;
import io.kellydesk.tasks.PooledTaskExecutor;
import io.kellydesk.tasks.TaskExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
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
    static final List<String> SERVICE_NAMES = List.of("LSTM", "Ensemble", "Market data", "Trading engine");

    private final AppOptions options;
    private final BuildInfo buildInfo;
    private final TaskExecutor computeExecutor;
    private final FxCoalescer fxUpdates;
    private final MainWindowViewModel mainViewModel;
    private final Queue<String> pendingErrors = new ConcurrentLinkedQueue<>();
    private Stage stage;

    /**
     * Prepares folders and files; runs off the FX thread (in {@code Application.init}).
     *
     * @param fxThread how to reach the FX thread ({@code Platform::runLater})
     */
    public DeskComposition(AppOptions options, BuildInfo buildInfo, Executor fxThread) {
        this.options = Objects.requireNonNull(options);
        this.buildInfo = Objects.requireNonNull(buildInfo);
        createFolders(options);
        SettingsFiles.createWithDefaultsIfMissing(options.settingsFile());
        this.computeExecutor = new PooledTaskExecutor("kd-compute", 2);
        this.fxUpdates = new FxCoalescer(fxThread);
        this.mainViewModel = new MainWindowViewModel(SERVICE_NAMES);
        LOG.info("Kelly Desk {} starting: settings {}, data {}, demo {}",
                buildInfo.version(), options.settingsFile(), options.dataDir(), options.demo());
    }

    private static void createFolders(AppOptions options) {
        try {
            Files.createDirectories(options.dataDir());
            Files.createDirectories(options.logDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + options.dataDir()
                    + " (use --data-dir to choose another): " + e.getMessage(), e);
        }
    }

    /** Builds the main window into {@code stage}; FX thread. */
    public MainWindowView showIn(Stage stage) {
        this.stage = stage;
        MainWindowView view = new MainWindowView(mainViewModel, new MenuActions());
        Scene scene = new Scene(view.load(), 1440, 900);
        mainViewModel.themeProperty().get().applyTo(scene);
        mainViewModel.themeProperty().addListener((obs, was, theme) -> theme.applyTo(scene));
        stage.setTitle("Kelly Desk");
        stage.setMinWidth(1024);
        stage.setMinHeight(640);
        for (int size : new int[] {16, 32, 64, 256}) {
            var icon = DeskComposition.class.getResource("/icons/kelly-desk-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new Image(icon.toExternalForm()));
            }
        }
        stage.setScene(scene);
        mainViewModel.statusTextProperty().set("Settings: " + options.settingsFile() + "   ·   Data: " + options.dataDir());
        mainViewModel.tilesWaitingTextProperty().set(switch (options.demo()) {
            case ON, AUTO -> "Waiting for the services to answer…";
            case OFF -> "Demo services are off (--no-demo): configure the service URLs in the settings file.";
        });
        stage.show();
        return view;
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

    @Override
    public void close() {
        computeExecutor.close();
        LOG.info("Kelly Desk stopped");
    }

    private final class MenuActions implements MainWindowView.Actions {
        @Override
        public void openSettings() {
            Alert alert = new Alert(Alert.AlertType.INFORMATION);
            alert.initOwner(stage);
            alert.initModality(javafx.stage.Modality.NONE);
            alert.setTitle("Settings");
            alert.setHeaderText("Settings file");
            alert.setContentText(options.settingsFile().toString());
            alert.show();
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
