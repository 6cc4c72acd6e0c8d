package io.kellydesk.app;

import io.kellydesk.api.ApiToken;
import io.kellydesk.api.DeskApi;
import io.kellydesk.core.DeskPreferences;
import java.nio.file.Path;
import java.time.Clock;
import java.util.OptionalInt;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/** Starts the local read-only API as the desk settings say (port 0: off) and stops it; its problem goes to the banner. */
final class LocalApi implements AutoCloseable {

    private final DeskApi.Sources sources;
    private final Path dataDir;
    private final Clock clock;
    private final ScheduledExecutorService sweeper;
    private volatile DeskApi api;

    LocalApi(DeskApi.Sources sources, Path dataDir, Clock clock, ScheduledExecutorService sweeper) {
        this.sources = sources;
        this.dataDir = dataDir;
        this.clock = clock;
        this.sweeper = sweeper;
    }

    /** Background thread, after the window shows. */
    synchronized void start(DeskPreferences desk, Consumer<String> problems) {
        if (desk.apiPort() == 0 || api != null) {
            return;
        }
        if (!java.nio.file.Files.isDirectory(dataDir) || !java.nio.file.Files.isWritable(dataDir)) {
            // the banner already says the data folder is unusable; the API would have no token to check
            org.slf4j.LoggerFactory.getLogger(LocalApi.class).warn("The local API is off: the data folder {} is not usable", dataDir);
            return;
        }
        try {
            DeskApi started = new DeskApi(sources, ApiToken.loadOrCreate(dataDir), clock, sweeper);
            started.start(desk.apiBind(), desk.apiPort()).ifPresentOrElse(problems, () -> api = started);
        } catch (RuntimeException e) {
            problems.accept("The local API is off: " + e.getMessage());
        }
    }

    /** The port it listens on, when it does. */
    OptionalInt port() {
        DeskApi running = api;
        return running == null ? OptionalInt.empty() : OptionalInt.of(running.port());
    }

    @Override
    public synchronized void close() {
        if (api != null) {
            api.close();
            api = null;
        }
    }
}
