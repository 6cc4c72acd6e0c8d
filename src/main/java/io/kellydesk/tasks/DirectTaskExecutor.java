package io.kellydesk.tasks;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/** Runs every task at once on the calling thread: deterministic, for tests and for tools. */
public final class DirectTaskExecutor implements TaskExecutor {

    @Override
    public <T> CompletableFuture<T> submit(Callable<T> task) {
        try {
            return CompletableFuture.completedFuture(task.call());
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void execute(Runnable task) {
        task.run();
    }

    @Override
    public void close() {
        // nothing runs in the background
    }
}
