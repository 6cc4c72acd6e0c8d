package io.kellydesk.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The desk's command line, parsed with picocli. {@link #parse} never exits the JVM itself, so it is
 * testable; the {@link Launcher} turns its verdict into an exit code.
 */
@Command(
        name = "kelly-desk",
        mixinStandardHelpOptions = true,
        versionProvider = CommandLineOptions.VersionProvider.class,
        sortOptions = false,
        description = "Turns the desk's model predictions into Kelly position sizes under the firm's risk limits.")
public final class CommandLineOptions {

    @Option(names = "--settings", paramLabel = "FILE",
            description = "Settings JSON file (the firm's format). Default: settings.json in the user's config folder, created with defaults on first run.")
    Path settingsFile;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder for the decision log (SQLite) and the log files. Default: the user's data folder.")
    Path dataDir;

    @Option(names = "--demo", negatable = true,
            description = "Start the built-in demo services on loopback (--no-demo: never). "
                    + "Default: only when no service URL is configured.")
    Boolean demo;

    @Option(names = "--demo-services-only",
            description = "Run only the built-in demo services (LSTM, ensemble, market data, trading engine) on "
                    + "consecutive loopback ports from --port, for pointing other tools at them. No window.")
    boolean demoServicesOnly;

    @Option(names = "--demo-symbols", paramLabel = "N", defaultValue = "8", hidden = true,
            description = "With --demo-services-only: simulate N symbols (the 8 CME futures, then synthetic ones).")
    int demoSymbols;

    @Option(names = "--demo-epoch-ms", paramLabel = "MS", defaultValue = "30000", hidden = true,
            description = "With --demo-services-only: how often the simulated models change their view.")
    long demoEpochMillis;

    @Option(names = "--smoke-test",
            description = "Start, open the desk, wait for the first live tile and the first logged decision, write "
                    + "smoke-result.properties to the data folder and exit (0 on success, 1 otherwise). For installers.")
    boolean smokeTest;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8101",
            description = "First port for --demo-services-only (default: ${DEFAULT-VALUE}).")
    int port;

    /** The outcome of parsing: either options to run with, or an exit code (help, version, error). */
    public record ParseResult(Optional<AppOptions> options, int exitCode) {
        public boolean shouldRun() {
            return options.isPresent();
        }
    }

    /**
     * Parses {@code args}; help and version text go to {@code out}, errors (with usage) to {@code err}.
     */
    public static ParseResult parse(String[] args, UserDirectories defaults, PrintWriter out, PrintWriter err) {
        CommandLineOptions parsed = new CommandLineOptions();
        CommandLine commandLine = new CommandLine(parsed);
        try {
            CommandLine.ParseResult result = commandLine.parseArgs(args);
            if (result.isUsageHelpRequested()) {
                commandLine.usage(out);
                out.flush();
                return new ParseResult(Optional.empty(), 0);
            }
            if (result.isVersionHelpRequested()) {
                commandLine.printVersionHelp(out);
                out.flush();
                return new ParseResult(Optional.empty(), 0);
            }
            if (parsed.demoSymbols < 1 || parsed.demoEpochMillis < 100) {
                throw new CommandLine.ParameterException(commandLine, "--demo-symbols must be at least 1 and --demo-epoch-ms at least 100");
            }
            if (parsed.port < 1 || parsed.port > 65_532) {
                throw new CommandLine.ParameterException(commandLine, "--port must be between 1 and 65532, was " + parsed.port);
            }
        } catch (CommandLine.ParameterException e) {
            err.println("kelly-desk: " + e.getMessage());
            err.println("Run 'kelly-desk --help' for the options.");
            err.flush();
            return new ParseResult(Optional.empty(), 2);
        }
        return new ParseResult(Optional.of(parsed.toOptions(defaults)), 0);
    }

    private AppOptions toOptions(UserDirectories defaults) {
        Path settings = settingsFile != null ? settingsFile : defaults.configDir().resolve("settings.json");
        Path data = dataDir != null ? dataDir : defaults.dataDir();
        AppOptions.DemoMode mode = demo == null ? AppOptions.DemoMode.AUTO
                : demo ? AppOptions.DemoMode.ON : AppOptions.DemoMode.OFF;
        return new AppOptions(settings.toAbsolutePath(), data.toAbsolutePath(), mode,
                demoServicesOnly ? Optional.of(new AppOptions.DemoOnly(port, demoSymbols, java.time.Duration.ofMillis(demoEpochMillis)))
                        : Optional.empty(), smokeTest);
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            BuildInfo info = BuildInfo.load();
            return new String[] {
                "Kelly Desk " + info.version(),
                "Java " + Runtime.version() + ", JavaFX " + info.componentVersions().get("JavaFX")
            };
        }
    }
}
