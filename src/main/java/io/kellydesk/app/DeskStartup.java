package io.kellydesk.app;

import io.kellydesk.desk.fx.FxCoalescer;
import io.kellydesk.desk.shell.DeskShell;
import io.kellydesk.settings.LoadedSettings;
import io.kellydesk.settings.SettingsFiles;
import io.kellydesk.settings.SettingsRepository;
import io.kellydesk.store.DecisionLog;
import io.kellydesk.store.DecisionLogException;
import io.kellydesk.store.StorageAlarm;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the desk opens before anything runs: its folders, the settings file and the decision log. Neither an unusable
 * data folder nor a log that will not open stops the window: the desk runs without them, loudly, and sizes nothing
 * on settings that did not load.
 */
record DeskStartup(Optional<LoadedSettings> settings, Optional<String> settingsProblem, Optional<DecisionLog> decisionLog,
                   List<String> notices, Banner alarm) {

    private static final Logger LOG = LoggerFactory.getLogger(DeskStartup.class);

    static DeskStartup open(AppOptions options, Clock clock, FxCoalescer fx) {
        try {
            Files.createDirectories(options.dataDir());
            Files.createDirectories(options.logDir());
        } catch (IOException e) {
            LOG.error("Cannot create the data folder {} or its logs folder", options.dataDir(), e);
        }
        SettingsFiles.createWithDefaultsIfMissing(options.settingsFile());
        SettingsRepository.Startup loaded = new SettingsRepository(options.settingsFile()).loadForStartup();
        Banner banner = new Banner(fx);
        List<String> notices = new CopyOnWriteArrayList<>();
        Optional<DecisionLog> log;
        try {
            DecisionLog opened = DecisionLog.open(options.dataDir(), clock, banner);
            opened.startupNotice().ifPresent(notices::add);
            log = Optional.of(opened);
        } catch (DecisionLogException e) {
            LOG.error("Decision log unavailable: {}", e.getMessage(), e.getCause());
            notices.add(e.getMessage());
            log = Optional.empty();
        }
        return new DeskStartup(loaded.settings(), loaded.problem(), log, List.copyOf(notices), banner);
    }

    /**
     * Storage trouble and unexpected errors, to the window's banner once it exists (coalesced per pulse; a storm
     * costs one hop to the FX thread). Any thread.
     */
    static final class Banner implements StorageAlarm {
        private final FxCoalescer fx;
        private final Queue<String> pendingErrors = new ConcurrentLinkedQueue<>();
        private volatile DeskShell shell;

        Banner(FxCoalescer fx) {
            this.fx = fx;
        }

        /** From now on to {@code window}; what was raised before it existed goes there first. */
        void reportTo(DeskShell window) {
            this.shell = window;
            flush();
        }

        @Override
        public void raised(String message) {
            LOG.error("Decision log: {}", message);
            pendingErrors.add(message);
            flush();
        }

        @Override
        public void cleared(String message) {
            LOG.info("Decision log: {}", message);
            DeskShell window = shell;
            if (window != null) {
                window.report("storage-alarm", w -> w.statusTextProperty().set(message));
            }
        }

        void unexpected(String message) {
            pendingErrors.add(message);
            flush();
        }

        private void flush() {
            DeskShell window = shell;
            if (window != null) {
                window.report("error-banner", w -> {
                    for (String pending; (pending = pendingErrors.poll()) != null; ) {
                        w.reportError(pending);
                    }
                });
            }
        }
    }
}
