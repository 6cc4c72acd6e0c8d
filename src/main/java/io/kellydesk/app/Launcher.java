package io.kellydesk.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
        // Before the first log line, so the rolling file lands in the data dir.
        System.setProperty("kellydesk.logdir", options.logDir().toString());
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Application.launch(KellyDeskApp.class, args);
    }
}
