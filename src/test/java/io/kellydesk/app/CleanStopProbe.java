package io.kellydesk.app;

import io.kellydesk.core.Direction;
import io.kellydesk.store.DecisionLog;
import io.kellydesk.store.StorageAlarm;
import io.kellydesk.store.StoreFixtures;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * A process for {@link CleanStopTest}: opens a decision log in {@code args[0]}, queues {@code args[1]} decisions
 * without waiting for them, installs the desk's clean stop with the log's close, says "ready" and waits to be
 * stopped by a signal.
 */
public final class CleanStopProbe {

    private CleanStopProbe() {
    }

    public static void main(String[] args) throws Exception {
        DecisionLog log = DecisionLog.open(Path.of(args[0]), Clock.systemUTC(), StorageAlarm.NONE);
        CleanStop.install();
        CleanStop.onStop(log::close);
        int count = Integer.parseInt(args[1]);
        Instant t = Instant.parse("2026-11-23T14:30:00Z");
        for (int i = 0; i < count; i++) {
            log.append(StoreFixtures.recommendation("NQZ26-CME", Direction.LONG, 0.55, t.plusMillis(i)));
        }
        System.out.println("ready");
        System.out.flush();
        Thread.currentThread().join();
    }
}
