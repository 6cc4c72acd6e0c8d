package io.kellydesk.tasks;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed pool of named daemon threads. Named so a thread dump says whose work is stuck;
 * daemon so a forgotten pool never keeps the desk process alive after the window closes.
 */
public final class PooledTaskExecutor implements TaskExecutor {

    private final ExecutorService pool;

    public PooledTaskExecutor(String name, int threads) {
        this.pool = Executors.newFixedThreadPool(threads, namedDaemons(name));
    }

    public static ThreadFactory namedDaemons(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public <T> CompletableFuture<T> submit(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        pool.execute(() -> {
            try {
                result.complete(task.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    @Override
    public void execute(Runnable task) {
        // Through execute(), not submit(): an exception reaches the thread's uncaught handler.
        pool.execute(task);
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(2, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
