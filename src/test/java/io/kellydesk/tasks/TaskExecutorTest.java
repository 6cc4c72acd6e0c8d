package io.kellydesk.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TaskExecutorTest {

    @Test
    void theDirectExecutorRunsOnTheCallersThread() throws Exception {
        try (TaskExecutor direct = new DirectTaskExecutor()) {
            assertThat(direct.submit(() -> Thread.currentThread().getName()).get()).isEqualTo(Thread.currentThread().getName());
            assertThatThrownBy(() -> direct.submit(() -> { throw new IllegalStateException("boom"); }).get())
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void thePooledExecutorRunsOnNamedDaemonThreads() throws Exception {
        try (TaskExecutor pool = new PooledTaskExecutor("kd-test", 2)) {
            Thread worker = pool.submit(Thread::currentThread).get(5, TimeUnit.SECONDS);
            assertThat(worker.getName()).startsWith("kd-test-");
            assertThat(worker.isDaemon()).isTrue();
        }
    }
}
