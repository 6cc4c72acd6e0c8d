package io.kellydesk.app;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.application.Platform;

/**
 * Builds the desk's composition (folders, settings, the decision log with its SQLite native library, the engine) on
 * its own thread while JavaFX starts its toolkit, instead of after it in {@code Application.init}: on a two-core
 * desk PC the two overlap. One shot, handed from {@link Launcher} to {@link KellyDeskApp}, which the toolkit
 * instantiates itself and so cannot be given arguments.
 */
final class EarlyComposition {

    private static final Object LOCK = new Object();
    private static Started started;

    private record Started(AppOptions options, CompletableFuture<DeskComposition> composition) {
    }

    /** What {@link #take} hands over. */
    record Taken(AppOptions options, DeskComposition composition) {
    }

    private EarlyComposition() {
    }

    /** Starts building. {@code Platform::runLater} is first called once the window is built, long after the toolkit is up. */
    static void begin(AppOptions options) {
        CompletableFuture<DeskComposition> future = new CompletableFuture<>();
        synchronized (LOCK) {
            started = new Started(options, future);
        }
        Thread.ofPlatform().name("kd-startup").daemon().start(() -> {
            try {
                future.complete(build(options));
                SmokeRun.mark("settings, decision log and engine built (beside the toolkit start)");
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        });
    }

    /** The application's composition: its window updates reach the FX thread through {@code Platform::runLater}. */
    static DeskComposition build(AppOptions options) {
        return new DeskComposition(options, BuildInfo.load(), Platform::runLater);
    }

    /** The options and the composition begun by {@link #begin}, once built; empty when nothing was begun. */
    static Optional<Taken> take() {
        Started taken;
        synchronized (LOCK) {
            taken = started;
            started = null;
        }
        if (taken == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Taken(taken.options(), taken.composition().join()));
        } catch (CompletionException e) {
            // the same failure init() would have met building it there
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
