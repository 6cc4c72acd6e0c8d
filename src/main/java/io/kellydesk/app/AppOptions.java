package io.kellydesk.app;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the command line decided, with defaults already applied.
 *
 * @param settingsFile the settings JSON (the firm's format)
 * @param dataDir      where the SQLite decision log and the logs live
 * @param demo         whether to start the built-in demo services
 * @param demoServicesOnly when present: run only the demo services, and no window
 * @param smokeTest    start, wait for a live tile and a logged decision, report and exit
 * @param addOfficer   add this named risk officer (PIN asked at the terminal) and exit
 */
public record AppOptions(Path settingsFile, Path dataDir, DemoMode demo, Optional<DemoOnly> demoServicesOnly, boolean smokeTest,
                         Optional<String> addOfficer) {

    public AppOptions {
        Objects.requireNonNull(settingsFile, "settingsFile");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(demo, "demo");
        Objects.requireNonNull(demoServicesOnly, "demoServicesOnly");
        Objects.requireNonNull(addOfficer, "addOfficer");
    }

    public AppOptions(Path settingsFile, Path dataDir, DemoMode demo) {
        this(settingsFile, dataDir, demo, Optional.empty(), false, Optional.empty());
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    /** Running only the demo services: from {@code firstPort}, with {@code symbols} symbols and model epoch {@code epoch}. */
    public record DemoOnly(int firstPort, int symbols, java.time.Duration epoch) {
    }

    /** AUTO starts the demo services only when no service URL is configured. */
    public enum DemoMode { AUTO, ON, OFF }
}
