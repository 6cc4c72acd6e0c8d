package io.kellydesk.app;

import io.kellydesk.demo.DemoInstrument;
import io.kellydesk.demo.DemoMarket;
import io.kellydesk.demo.DemoServices;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
import io.kellydesk.settings.OfficerPin;
import io.kellydesk.settings.OfficerRegistry;
import io.kellydesk.settings.OfficerSetup;
import javafx.application.Application;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The desk's entry point. Deliberately not an {@code Application} subclass, so the desk starts with
 * JavaFX on the plain classpath (as TilesFX needs). Validates the command line before any window:
 * a bad option prints a clear message and exits non-zero.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // The command line is the one place whose output is meant for the terminal.
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        CommandLineOptions.ParseResult result = CommandLineOptions.parse(args, UserDirectories.forCurrentUser(), out, err);
        if (!result.shouldRun()) {
            System.exit(result.exitCode());
            return;
        }
        AppOptions options = result.options().orElseThrow();
        if (options.addOfficer().isPresent()) {
            System.exit(OfficerSetup.run(options.addOfficer().get(), new OfficerRegistry(options.dataDir().resolve("officers"),
                    Clock.systemUTC(), OfficerPin.DEFAULT_ITERATIONS), new ConsoleInput(System.console()), out, err));
            return;
        }
        if (options.demoServicesOnly().isPresent()) {
            runDemoServicesOnly(options.demoServicesOnly().get(), out, err);
            return;
        }
        // Before the first log line, so the rolling file lands in the data dir.
        System.setProperty(DeskLogging.LOG_DIR_PROPERTY, options.logDir().toString());
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        SmokeRun.mark("command line read, logging up");
        CleanStop.install();
        EarlyComposition.begin(options);
        Application.launch(KellyDeskApp.class, args);
    }

    /** The PIN typed at the terminal, unseen (JDK 22+: a console that is not a terminal is no terminal). */
    private record ConsoleInput(java.io.Console console) implements OfficerSetup.HiddenInput {
        @Override
        public java.util.Optional<char[]> read(String prompt) {
            return java.util.Optional.ofNullable(console.readPassword("%s", prompt));
        }

        @Override
        public boolean isTerminal() {
            return console != null && console.isTerminal();
        }
    }

    /** Serves the demo until the process is stopped (Ctrl-C). */
    private static void runDemoServicesOnly(AppOptions.DemoOnly demo, PrintWriter out, PrintWriter err) {
        int firstPort = demo.firstPort();
        try {
            DemoMarket market = new DemoMarket(DemoInstrument.universe(demo.symbols(), 20261123L), 20261123L, Clock.systemUTC(), demo.epoch());
            DemoServices services = DemoServices.start(market, firstPort);
            Runtime.getRuntime().addShutdownHook(new Thread(services::close, "kd-demo-stop"));
            out.println("Kelly Desk demo services (Ctrl-C to stop):");
            services.baseUrls().forEach((service, url) -> out.println("  " + service.settingsKey() + "  " + url));
            Thread.currentThread().join();
        } catch (IOException e) {
            err.println("kelly-desk: cannot start the demo services from port " + firstPort + ": " + e.getMessage());
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
