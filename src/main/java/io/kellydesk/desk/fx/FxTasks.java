package io.kellydesk.desk.fx;

import io.kellydesk.tasks.DirectTaskExecutor;
import io.kellydesk.tasks.TaskExecutor;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The desk's one way to do slow work: {@code work} runs on the background executor, and exactly one of the two
 * callbacks runs afterwards on the FX thread, with the result or the failure's message in words. View models take
 * this, never an executor; {@link #sameThread()} runs everything at once for tests.
 */
public final class FxTasks {

    private final TaskExecutor background;
    private final Executor fxThread;

    public FxTasks(TaskExecutor background, Executor fxThread) {
        this.background = Objects.requireNonNull(background);
        this.fxThread = Objects.requireNonNull(fxThread);
    }

    /** Work and callbacks on the calling thread, in order: for tests. */
    public static FxTasks sameThread() {
        return new FxTasks(new DirectTaskExecutor(), Runnable::run);
    }

    /** Runs {@code work} in the background; {@code done} or {@code failed} on the FX thread. */
    public <T> CompletableFuture<Void> call(Callable<T> work, Consumer<? super T> done, Consumer<String> failed) {
        CompletableFuture<Void> finished = new CompletableFuture<>();
        try {
            whenDone(background.submit(work), done, failed, finished);
        } catch (RejectedExecutionException closing) {
            finished.cancel(false); // the desk is shutting down: no callback
        }
        return finished;
    }

    /** {@code done} or {@code failed} on the FX thread once {@code future} completes (a port's answer). */
    public <T> CompletableFuture<Void> whenDone(CompletionStage<T> future, Consumer<? super T> done, Consumer<String> failed) {
        CompletableFuture<Void> finished = new CompletableFuture<>();
        whenDone(future, done, failed, finished);
        return finished;
    }

    /** As {@link #whenDone}, with the failure itself (for callers that tell a refusal from a failure). */
    public <T> CompletableFuture<Void> whenSettled(CompletionStage<T> future, Consumer<? super T> done, Consumer<Throwable> failed) {
        CompletableFuture<Void> finished = new CompletableFuture<>();
        complete(future, done, failed, finished);
        return finished;
    }

    private <T> void whenDone(CompletionStage<T> future, Consumer<? super T> done, Consumer<String> failed, CompletableFuture<Void> finished) {
        complete(future, done, error -> failed.accept(messageOf(error)), finished);
    }

    private <T> void complete(CompletionStage<T> future, Consumer<? super T> done, Consumer<Throwable> failed,
                              CompletableFuture<Void> finished) {
        future.whenComplete((result, error) -> fxThread.execute(() -> {
            try {
                if (error == null) {
                    done.accept(result);
                } else {
                    failed.accept(error);
                }
                finished.complete(null);
            } catch (RuntimeException e) {
                finished.completeExceptionally(e);
                throw e;
            }
        }));
    }

    /** Runs {@code work} in the background; {@code done} or {@code failed} on the FX thread. */
    public CompletableFuture<Void> run(Work work, Runnable done, Consumer<String> failed) {
        return call(() -> {
            work.run();
            return null;
        }, ignored -> done.run(), failed);
    }

    /** Runs {@code step} on the FX thread later (after this pulse). */
    public void onFx(Runnable step) {
        fxThread.execute(step);
    }

    /** The failure in words: the cause's message, past the future's wrappers. */
    public static String messageOf(Throwable error) {
        Throwable cause = causeOf(error);
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    /** The failure itself, past the future's wrappers (a refusal is told apart from a failure by its type). */
    public static Throwable causeOf(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Background work with no result. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }
}
