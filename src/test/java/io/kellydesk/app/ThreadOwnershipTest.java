package io.kellydesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kellydesk.core.ServicesSettings;
import io.kellydesk.core.SizingContext;
import io.kellydesk.core.SizingSettings;
import io.kellydesk.engine.DeskEngine;
import io.kellydesk.engine.EventBus;
import io.kellydesk.feeds.FeedSupervisor;
import io.kellydesk.testing.Eventually;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One owner for the desk's threads: the parts never shut down what they were given; the owner closes it all. */
class ThreadOwnershipTest {

    private static final List<String> DESK_THREADS = List.of("kd-compute", "kd-handoff", "kd-poll-timer", "kd-engine-tick", "kd-api-stream",
            "kd-health-sampler");

    @TempDir
    Path dir;

    @Test
    void partsLeaveTheirGivenThreadsRunningAndTheOwnerStopsThemAll() {
        DeskThreads threads = DeskThreads.create();
        DeskEngine engine = new DeskEngine(SizingContext.of(SizingSettings.defaults(), null), threads.compute(), new EventBus(),
                recommendation -> { }, Clock.systemUTC());
        FeedSupervisor feeds = new FeedSupervisor(engine, Clock.systemUTC(), threads.poll());
        feeds.start(ServicesSettings.defaults(), Duration.ofDays(30), 61);

        feeds.close();
        engine.close();

        for (ExecutorService given : List.<ExecutorService>of(threads.pollTimer(), threads.pollRequests(), threads.handoff())) {
            assertThat(given.isShutdown()).as("a part shut down a pool it was given").isFalse();
        }
        threads.compute().execute(() -> { }); // still accepts work
        threads.close();
        for (ExecutorService owned : List.<ExecutorService>of(threads.pollTimer(), threads.pollRequests(), threads.handoff(),
                threads.ticker(), threads.healthSampler(), threads.apiStream())) {
            assertThat(owned.isShutdown()).isTrue();
        }
        assertThatThrownBy(() -> threads.compute().execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void theDeskClosesFromAnyThreadAndLeavesNoThreadOfItsOwn() throws Exception {
        Set<Thread> earlier = liveDeskThreads(); // other tests' desks in this JVM are not this one's
        DeskComposition desk = new DeskComposition(new AppOptions(dir.resolve("settings.json"), dir.resolve("data"),
                AppOptions.DemoMode.ON), BuildInfo.load(), Runnable::run, Clock.systemUTC());
        desk.startServices();
        Eventually.await(Duration.ofSeconds(20), "the demo polled", () -> !desk.engine().snapshots().isEmpty());
        assertThat(ours(earlier)).isNotEmpty();

        // as the OS signal handler does: close() on a thread of its own, not the FX thread (there is none here)
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread stopper = new Thread(() -> {
            try {
                desk.close();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "test-stopper");
        stopper.start();
        stopper.join(Duration.ofSeconds(15));

        assertThat(stopper.isAlive()).as("close() returned").isFalse();
        assertThat(failure.get()).isNull();
        Eventually.await(Duration.ofSeconds(5), "no desk thread left", () -> ours(earlier).isEmpty());
        // the decision log was closed and its folder lock released: a second desk opens it for writing
        try (var reopened = io.kellydesk.store.DecisionLog.open(dir.resolve("data"), Clock.systemUTC(),
                io.kellydesk.store.StorageAlarm.NONE)) {
            assertThat(reopened.isReadOnly()).isFalse();
        }
    }

    private static Set<Thread> ours(Set<Thread> earlier) {
        Set<Thread> now = new java.util.HashSet<>(liveDeskThreads());
        now.removeAll(earlier);
        return now;
    }

    private static Set<Thread> liveDeskThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(thread -> DESK_THREADS.stream().anyMatch(thread.getName()::startsWith))
                .collect(java.util.stream.Collectors.toSet());
    }
}
