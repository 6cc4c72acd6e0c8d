package io.kellydesk.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application. Started by {@link Launcher}, which has already validated the command line and begun
 * building the composition while the toolkit starts ({@link EarlyComposition}); started any other way, it parses
 * the command line from {@link #getParameters()} and builds the composition here.
 */
public final class KellyDeskApp extends Application {

    private DeskComposition composition;
    private AppOptions options;
    private SmokeRun smoke;

    @Override
    public void init() {
        SmokeRun.mark("JavaFX toolkit up, init");
        var early = EarlyComposition.take();
        if (early.isPresent()) {
            options = early.get().options();
            composition = early.get().composition();
        } else {
            StringWriter ignored = new StringWriter();
            options = CommandLineOptions.parse(
                            getParameters().getRaw().toArray(String[]::new), UserDirectories.forCurrentUser(),
                            new PrintWriter(ignored), new PrintWriter(ignored))
                    .options()
                    .orElseThrow(() -> new IllegalStateException("command line was not validated: " + ignored));
            composition = EarlyComposition.build(options);
        }
        SmokeRun.mark("settings, decision log and engine ready");
        DeskComposition built = composition;
        CleanStop.onStop(built::close);
        Thread.setDefaultUncaughtExceptionHandler(composition::reportUnexpected);
    }

    @Override
    public void start(Stage stage) {
        Thread.currentThread().setUncaughtExceptionHandler(composition::reportUnexpected);
        if (options.smokeTest()) {
            smoke = new SmokeRun(composition, options.dataDir());
            smoke.watch(stage);
        }
        SmokeRun.mark("start");
        var view = composition.showIn(stage);
        SmokeRun.mark("window built and shown");
        if (smoke != null) {
            smoke.start(view);
        }
    }

    @Override
    public void stop() {
        CleanStop.stop(); // the composition's close, once, whoever asks first
        if (smoke != null) {
            // the installer's smoke test reads the exit code
            System.exit(smoke.exitCode());
        }
    }
}
