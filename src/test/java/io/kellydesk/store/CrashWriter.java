package io.kellydesk.store;

import io.kellydesk.core.Direction;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * Child process for {@link CrashSafetyTest}: logs recommendations without pause and prints "ACK id" for each
 * one the log acknowledged, until it is killed.
 */
public final class CrashWriter {

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        DecisionLog log = DecisionLog.open(Path.of(args[0]), Clock.systemUTC(), StorageAlarm.NONE);
        Instant t = Instant.parse("2026-11-23T14:30:00Z");
        for (long i = 0; ; i++) {
            log.append(StoreFixtures.recommendation("SYM" + (i % 50), Direction.LONG, 0.6 + (i % 30) / 100.0, t.plusMillis(i)))
                    .thenAccept(id -> {
                        synchronized (out) {
                            out.println("ACK " + id);
                            out.flush();
                        }
                    });
        }
    }
}
