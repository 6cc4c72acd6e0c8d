package io.kellydesk.desk.fx;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Hands updates from background threads to the FX thread, coalesced: for each key only the newest
 * update runs, and however many arrive between two drains, at most one hop to the FX thread is queued.
 * A burst of a thousand price ticks costs one {@code runLater}, not a thousand.
 */
public final class FxCoalescer {

    private final Executor fxThread;
    private final Object lock = new Object();
    private Map<Object, Runnable> pending = new LinkedHashMap<>();
    private boolean drainScheduled;

    /** @param fxThread {@code Platform::runLater} in the application; a direct executor in tests */
    public FxCoalescer(Executor fxThread) {
        this.fxThread = fxThread;
    }

    /** Replaces any not-yet-applied update with the same key. Safe from any thread. */
    public void post(Object key, Runnable update) {
        boolean schedule;
        synchronized (lock) {
            pending.remove(key); // re-insert so a key keeps its latest position
            pending.put(key, update);
            schedule = !drainScheduled;
            drainScheduled = true;
        }
        if (schedule) {
            fxThread.execute(this::drain);
        }
    }

    private void drain() {
        Map<Object, Runnable> batch;
        synchronized (lock) {
            batch = pending;
            pending = new LinkedHashMap<>();
            drainScheduled = false;
        }
        batch.values().forEach(Runnable::run);
    }
}
