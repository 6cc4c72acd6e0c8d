package io.kellydesk.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The JavaFX application. Started by {@link Launcher}, which has already validated the command line;
 * here it is parsed again from {@link #getParameters()} (pure and cheap) so no static state carries it.
 */
public final class KellyDeskApp extends Application {

    private DeskComposition composition;

    @Override
    public void init() {
        StringWriter ignored = new StringWriter();
        AppOptions options = CommandLineOptions.parse(
                        getParameters().getRaw().toArray(String[]::new), UserDirectories.forCurrentUser(),
                        new PrintWriter(ignored), new PrintWriter(ignored))
                .options()
                .orElseThrow(() -> new IllegalStateException("command line was not validated: " + ignored));
        composition = new DeskComposition(options, BuildInfo.load(), Platform::runLater);
        Thread.setDefaultUncaughtExceptionHandler(composition::reportUnexpected);
    }

    @Override
    public void start(Stage stage) {
        Thread.currentThread().setUncaughtExceptionHandler(composition::reportUnexpected);
        composition.showIn(stage);
    }

    @Override
    public void stop() {
        if (composition != null) {
            composition.close();
        }
    }
}
