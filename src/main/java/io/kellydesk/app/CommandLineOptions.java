package io.kellydesk.app;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * The desk's command line, parsed with Apache Commons CLI. {@link #parse} never exits the JVM itself, so it is
 * testable; the {@link Launcher} turns its verdict into an exit code.
 *
 * <p>Why not picocli: its classes are Java 5 bytecode, which the JDK's AOT cache cannot keep linked, so every start
 * of the installed desk loaded and verified ~170 of them and built its model by reflection (its classes loaded from
 * 0.23 to 0.45 s of uptime in a class-load log). Commons CLI is Java 8 bytecode and is cached like the rest.
 */
public final class CommandLineOptions {

    private static final String SYNTAX = "kelly-desk [options]";
    private static final String ABOUT = "Turns the desk's model predictions into Kelly position sizes under the firm's risk limits."
            + " While it runs, a read-only local API serves them on http://127.0.0.1:8765/api/kelly (desk.api_port in the"
            + " settings; 0 = off); every request carries the bearer token in the data folder's file api-token.";

    private static final Option SETTINGS = Option.builder().longOpt("settings").hasArg().argName("FILE")
            .desc("Settings JSON file (the firm's format). Default: settings.json in the user's config folder, created with defaults on first run.").build();
    private static final Option DATA_DIR = Option.builder().longOpt("data-dir").hasArg().argName("DIR")
            .desc("Folder for the decision log (SQLite) and the log files. Default: the user's data folder.").build();
    private static final Option DEMO = Option.builder().longOpt("demo")
            .desc("Start the built-in demo services on loopback. Default: only when no service URL is configured.").build();
    private static final Option NO_DEMO = Option.builder().longOpt("no-demo")
            .desc("Never start the built-in demo services.").build();
    private static final Option DEMO_SERVICES_ONLY = Option.builder().longOpt("demo-services-only")
            .desc("Run only the built-in demo services (LSTM, ensemble, market data, trading engine) on consecutive loopback "
                    + "ports from --port, for pointing other tools at them. No window.").build();
    private static final Option PORT = Option.builder().longOpt("port").hasArg().argName("N")
            .desc("First port for --demo-services-only (default: 8101).").build();
    private static final Option SMOKE_TEST = Option.builder().longOpt("smoke-test")
            .desc("Start, open the desk, wait for the first live tile and the first logged decision, write "
                    + "smoke-result.properties to the data folder and exit (0 on success, 1 otherwise). For installers.").build();
    private static final Option ADD_OFFICER = Option.builder().longOpt("add-officer").hasArg().argName("NAME")
            .desc("Add a named risk officer, whose PIN unlocks the limits: the PIN is asked twice at this terminal, not shown,"
                    + " and kept as a salted hash in the data folder. Refused without a terminal. Then exit.").build();
    private static final Option HELP = Option.builder("h").longOpt("help").desc("Show this help and exit.").build();
    private static final Option VERSION = Option.builder("V").longOpt("version").desc("Print version information and exit.").build();
    /** For the load scenario, not in the help: simulate N symbols (the 8 CME futures, then synthetic ones). */
    private static final Option DEMO_SYMBOLS = Option.builder().longOpt("demo-symbols").hasArg().argName("N").build();
    /** For the load scenario, not in the help: how often the simulated models change their view. */
    private static final Option DEMO_EPOCH_MS = Option.builder().longOpt("demo-epoch-ms").hasArg().argName("MS").build();

    private CommandLineOptions() {
    }

    /** The outcome of parsing: either options to run with, or an exit code (help, version, error). */
    public record ParseResult(Optional<AppOptions> options, int exitCode) {
        public boolean shouldRun() {
            return options.isPresent();
        }
    }

    private static Options documented() {
        Options options = new Options();
        for (Option option : new Option[] {SETTINGS, DATA_DIR, DEMO, NO_DEMO, DEMO_SERVICES_ONLY, PORT, SMOKE_TEST, ADD_OFFICER, HELP, VERSION}) {
            options.addOption(option);
        }
        return options;
    }

    /**
     * Parses {@code args}; help and version text go to {@code out}, errors (with a pointer to the help) to {@code err}.
     */
    public static ParseResult parse(String[] args, UserDirectories defaults, PrintWriter out, PrintWriter err) {
        Options all = documented().addOption(DEMO_SYMBOLS).addOption(DEMO_EPOCH_MS);
        try {
            CommandLine line = DefaultParser.builder().setAllowPartialMatching(false).build().parse(all, args);
            if (!line.getArgList().isEmpty()) {
                throw new ParseException("unexpected argument " + String.join(" ", line.getArgList()) + " (every option starts with --)");
            }
            if (line.hasOption(HELP)) {
                HelpFormatter help = HelpFormatter.builder().get();
                help.setOptionComparator(null); // in the order above, most used first
                help.printHelp(out, 100, SYNTAX, ABOUT, documented(), 2, 3, null);
                out.flush();
                return new ParseResult(Optional.empty(), 0);
            }
            if (line.hasOption(VERSION)) {
                BuildInfo info = BuildInfo.load();
                out.println("Kelly Desk " + info.version());
                out.println("Java " + Runtime.version() + ", JavaFX " + info.componentVersions().get("JavaFX"));
                out.flush();
                return new ParseResult(Optional.empty(), 0);
            }
            if (line.hasOption(DEMO) && line.hasOption(NO_DEMO)) {
                throw new ParseException("--demo and --no-demo contradict each other");
            }
            int symbols = intValue(line, DEMO_SYMBOLS, 8);
            long epochMillis = intValue(line, DEMO_EPOCH_MS, 30_000);
            int port = intValue(line, PORT, 8101);
            if (symbols < 1 || epochMillis < 100) {
                throw new ParseException("--demo-symbols must be at least 1 and --demo-epoch-ms at least 100");
            }
            if (port < 1 || port > 65_532) {
                throw new ParseException("--port must be between 1 and 65532, was " + port);
            }
            Path settings = path(line, SETTINGS).orElse(defaults.configDir().resolve("settings.json"));
            Path data = path(line, DATA_DIR).orElse(defaults.dataDir());
            AppOptions.DemoMode mode = line.hasOption(DEMO) ? AppOptions.DemoMode.ON
                    : line.hasOption(NO_DEMO) ? AppOptions.DemoMode.OFF : AppOptions.DemoMode.AUTO;
            return new ParseResult(Optional.of(new AppOptions(settings.toAbsolutePath(), data.toAbsolutePath(), mode,
                    line.hasOption(DEMO_SERVICES_ONLY) ? Optional.of(new AppOptions.DemoOnly(port, symbols, Duration.ofMillis(epochMillis)))
                            : Optional.empty(), line.hasOption(SMOKE_TEST),
                    Optional.ofNullable(line.getOptionValue(ADD_OFFICER)).map(String::trim))), 0);
        } catch (ParseException e) {
            err.println("kelly-desk: " + e.getMessage());
            err.println("Run 'kelly-desk --help' for the options.");
            err.flush();
            return new ParseResult(Optional.empty(), 2);
        }
    }

    private static int intValue(CommandLine line, Option option, int fallback) throws ParseException {
        String text = line.getOptionValue(option);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new ParseException("--" + option.getLongOpt() + " takes a whole number, not '" + text + "'");
        }
    }

    private static Optional<Path> path(CommandLine line, Option option) throws ParseException {
        String text = line.getOptionValue(option);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(text));
        } catch (InvalidPathException e) {
            throw new ParseException("--" + option.getLongOpt() + ": not a usable path: " + e.getMessage());
        }
    }
}
