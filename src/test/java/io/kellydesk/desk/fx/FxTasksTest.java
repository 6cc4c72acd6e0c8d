package io.kellydesk.desk.fx;

import static org.assertj.core.api.Assertions.assertThat;

import io.kellydesk.tasks.PooledTaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The desk's background-task helper: work off the calling thread, one callback after it, failures in words. */
class FxTasksTest {

    @Test
    void theSameThreadTwinRunsWorkAndCallbackAtOnceInOrder() {
        List<String> steps = new ArrayList<>();
        FxTasks tasks = FxTasks.sameThread();
        tasks.call(() -> {
            steps.add("work");
            return 42;
        }, result -> steps.add("done " + result), problem -> steps.add("failed " + problem));
        steps.add("after");
        assertThat(steps).containsExactly("work", "done 42", "after");
    }

    @Test
    void aFailureReachesTheCallbackAsItsCausesMessage() {
        List<String> problems = new ArrayList<>();
        FxTasks.sameThread().run(() -> {
            throw new IllegalStateException("the settings file could not be written");
        }, () -> problems.add("done"), problems::add);
        assertThat(problems).containsExactly("the settings file could not be written");
        // a port's future fails wrapped; the words are the cause's
        FxTasks.sameThread().whenDone(CompletableFuture.failedFuture(new CompletionException(new IllegalArgumentException("refused"))),
                r -> problems.add("done"), problems::add);
        assertThat(problems).last().isEqualTo("refused");
    }

    @Test
    void workRunsInTheBackgroundAndItsCallbackOnTheGivenThread() throws Exception {
        ConcurrentLinkedQueue<String> threads = new ConcurrentLinkedQueue<>();
        // the "FX thread" here is a single named pool thread: the callback must run there, the work elsewhere
        PooledTaskExecutor fx = new PooledTaskExecutor("test-fx", 1);
        PooledTaskExecutor background = new PooledTaskExecutor("test-bg", 1);
        try {
            new FxTasks(background, fx::execute).call(() -> {
                threads.add(Thread.currentThread().getName());
                return "x";
            }, r -> threads.add(Thread.currentThread().getName()), p -> { }).get(5, TimeUnit.SECONDS);
            assertThat(threads).hasSize(2);
            assertThat(threads.poll()).startsWith("test-bg");
            assertThat(threads.poll()).startsWith("test-fx");
        } finally {
            background.close();
            fx.close();
        }
    }

    @Test
    void aClosedExecutorMeansNoCallbackAndNoError() {
        PooledTaskExecutor background = new PooledTaskExecutor("test-closed", 1);
        background.close();
        List<String> called = new ArrayList<>();
        CompletableFuture<Void> finished = new FxTasks(background, Runnable::run).call(() -> "x", called::add, called::add);
        assertThat(finished).isCancelled();
        assertThat(called).isEmpty();
    }
}
