package io.kellydesk.app;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the command line decided, with defaults already applied.
 *
 * @param settingsFile the settings JSON (the firm's format)
 * @param dataDir      where the SQLite decision log and the logs live
 * @param demo         whether to start the built-in demo services
 */
public record AppOptions(Path settingsFile, Path dataDir, DemoMode demo) {

    public AppOptions {
        Objects.requireNonNull(settingsFile, "settingsFile");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(demo, "demo");
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    /** AUTO starts the demo services only when no service URL is configured. */
    public enum DemoMode { AUTO, ON, OFF }
}
