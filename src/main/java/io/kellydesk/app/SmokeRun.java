package io.kellydesk.app;

import io.kellydesk.desk.shell.MainWindowView;
import io.kellydesk.store.DecisionLogException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --smoke-test}: proves a packaged desk works end to end. Measures from the process start (the native
 * launcher included) to the first frame laid out and to the first live tile, waits until a decision is on disk,
 * writes {@code smoke-result.properties} to the data folder and exits: 0 when all happened within the time limit.
 */
final class SmokeRun {

    private static final Logger LOG = LoggerFactory.getLogger(SmokeRun.class);
    static final String RESULT_FILE = "smoke-result.properties";
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private final DeskComposition composition;
    private final Path dataDir;
    private final Instant processStart = ProcessHandle.current().info().startInstant().orElse(Instant.now());
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kd-smoke");
        t.setDaemon(true);
        return t;
    });
    private volatile Instant firstFrame;
    private volatile Instant firstTile;
    private volatile int exitCode = 1;

    SmokeRun(DeskComposition composition, Path dataDir) {
        this.composition = composition;
        this.dataDir = dataDir;
    }

    /** FX thread, before the window is built: the first pulse after the window shows is its first frame. */
    void watch(javafx.stage.Stage stage) {
        new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                if (stage.isShowing()) {
                    firstFrame = Instant.now();
                    stop();
                }
            }
        }.start();
    }

    /** FX thread, right after the window is built. */
    void start(MainWindowView view) {
        view.tilePane().getChildren().addListener((ListChangeListener<Node>) change -> {
            if (firstTile == null && !view.tilePane().getChildren().isEmpty()) {
                firstTile = Instant.now();
            }
        });
        watcher.scheduleWithFixedDelay(() -> guarded(this::check), 100, 100, TimeUnit.MILLISECONDS);
        watcher.schedule(() -> guarded(() -> finish(false, "not done within " + LIMIT.toSeconds() + " s (first frame "
                + (firstFrame != null) + ", first tile " + (firstTile != null) + ")")), LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A scheduled task that throws is cancelled in silence: say why, and fail the run. */
    private void guarded(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException | Error e) {
            LOG.error("Smoke test step failed", e);
            System.exit(1);
        }
    }

    private void check() {
        if (firstFrame == null || firstTile == null || composition.decisionLog().isEmpty()) {
            return;
        }
        try {
            long decisions = composition.decisionLog().get().queries().count("recommendations");
            if (decisions > 0) {
                finish(true, decisions + " decisions logged");
            }
        } catch (DecisionLogException e) {
            finish(false, "decision log unreadable: " + e.getMessage());
        }
    }

    private synchronized void finish(boolean ok, String detail) {
        if (watcher.isShutdown()) {
            return;
        }
        watcher.shutdown();
        Map<String, String> result = new LinkedHashMap<>();
        result.put("result", ok ? "OK" : "FAILED");
        result.put("detail", detail);
        result.put("first_frame_ms", firstFrame == null ? "" : Long.toString(Duration.between(processStart, firstFrame).toMillis()));
        result.put("first_live_tile_ms", firstTile == null ? "" : Long.toString(Duration.between(processStart, firstTile).toMillis()));
        result.put("decided_ms", Long.toString(Duration.between(processStart, Instant.now()).toMillis()));
        result.put("java", Runtime.version().toString());
        result.put("cds", String.valueOf(isSharingClasses()));
        result.put("cds_archive", archiveFile());
        StringBuilder text = new StringBuilder();
        result.forEach((k, v) -> text.append(k).append('=').append(v.replace("\n", " ")).append('\n'));
        try {
            Path temp = Files.createTempFile(dataDir, ".smoke-", ".tmp");
            Files.writeString(temp, text);
            Files.move(temp, dataDir.resolve(RESULT_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.error("Smoke test: cannot write the result: {}", e.getMessage());
            ok = false;
        }
        LOG.info("Smoke test {}: {}", ok ? "OK" : "FAILED", result);
        exitCode = ok ? 0 : 1;
        Platform.exit();
    }

    /** Logs how long after the process start a phase of start-up ended (to see where a slow start goes). */
    static void mark(String phase) {
        Instant start = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        LOG.info("Start-up: {} at {} ms", phase, Duration.between(start, Instant.now()).toMillis());
    }

    int exitCode() {
        return exitCode;
    }

    /** Whether this JVM maps a class-data-sharing archive: HotSpot says "sharing" in java.vm.info then. */
    private static boolean isSharingClasses() {
        return System.getProperty("java.vm.info", "").contains("sharing");
    }

    /** The app's own AOT cache or CDS archive, when one is given (empty: the runtime's default archive or none). */
    private static String archiveFile() {
        var vm = java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
        for (String option : new String[] {"AOTCache", "SharedArchiveFile"}) {
            try {
                String value = vm.getVMOption(option).getValue();
                if (value != null && !value.isEmpty()) {
                    return value;
                }
            } catch (IllegalArgumentException notThisVm) {
                // an option this JVM does not have
            }
        }
        return "";
    }
}
