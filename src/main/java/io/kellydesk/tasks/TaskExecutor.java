package io.kellydesk.tasks;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Where background work runs. Production code receives one by constructor injection, so a test
 * can hand in {@link DirectTaskExecutor} and see the work done on its own thread, in order.
 */
public interface TaskExecutor extends AutoCloseable {

    /** Runs {@code task} in the background; the future completes with its result or its exception. */
    <T> CompletableFuture<T> submit(Callable<T> task);

    /** Fire-and-forget; an exception is reported to the uncaught-exception handler, never swallowed. */
    void execute(Runnable task);

    /** Stops accepting work and waits briefly for running tasks. */
    @Override
    void close();
}
