package io.kellydesk.app;

import io.kellydesk.feeds.PollThreads;
import io.kellydesk.tasks.PooledTaskExecutor;
import io.kellydesk.tasks.TaskExecutor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Every thread pool of the desk, created and named here, closed here in the reverse order: the others are given
 * theirs and never shut one down. (The decision log's one writer thread is the store's own: its queue is its
 * crash safety. The demo services, standing in for servers elsewhere, own theirs.)
 *
 * @param compute      sizing per symbol, reads for the window, slow commands (2 threads)
 * @param handoff      order sends, resends and look-ups (2 threads)
 * @param pollTimer    every poll's next turn
 * @param pollRequests the requests (virtual threads)
 * @param ticker       the engine's once-a-second ageing and the calibration refit
 * @param healthSampler the Health tab's figures every two seconds
 * @param apiStream    the local API's WebSocket sends and its look for stalled clients
 */
record DeskThreads(TaskExecutor compute, ScheduledExecutorService handoff, ScheduledExecutorService pollTimer,
                   ExecutorService pollRequests, ScheduledExecutorService ticker, ScheduledExecutorService healthSampler,
                   ScheduledExecutorService apiStream)
        implements AutoCloseable {

    static DeskThreads create() {
        return new DeskThreads(new PooledTaskExecutor("kd-compute", 2),
                Executors.newScheduledThreadPool(2, PooledTaskExecutor.namedDaemons("kd-handoff")),
                Executors.newSingleThreadScheduledExecutor(PooledTaskExecutor.namedDaemons("kd-poll-timer")),
                Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("kd-poll-", 0).factory()),
                Executors.newSingleThreadScheduledExecutor(PooledTaskExecutor.namedDaemons("kd-engine-tick")),
                Executors.newSingleThreadScheduledExecutor(PooledTaskExecutor.namedDaemons("kd-health-sampler")),
                Executors.newSingleThreadScheduledExecutor(PooledTaskExecutor.namedDaemons("kd-api-stream")));
    }

    PollThreads poll() {
        return new PollThreads(pollTimer, pollRequests);
    }

    /** Reverse order of creation: what schedules work stops before what runs it. Any thread; waits up to 2 s for compute. */
    @Override
    public void close() {
        apiStream.shutdownNow();
        healthSampler.shutdownNow();
        ticker.shutdownNow();
        pollRequests.shutdownNow();
        pollTimer.shutdownNow();
        handoff.shutdownNow();
        compute.close();
    }
}
