package io.kellydesk.app;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * A desk stopped by the operating system (SIGTERM at log-out or shutdown, SIGINT from Ctrl-C) closes like one closed
 * from its menu: the decision log's writer drains and the WAL is checkpointed, then the process exits 0. The JVM's
 * default for those signals skips nothing but exits 143/130, which reads as a crash to whoever supervises the desk;
 * the shutdown hook is the fallback for every other way out.
 */
public final class CleanStop {

    private static final Logger LOG = LoggerFactory.getLogger(CleanStop.class);
    private static final AtomicReference<Runnable> ACTION = new AtomicReference<>(() -> { });
    private static final AtomicBoolean STOPPED = new AtomicBoolean();
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private CleanStop() {
    }

    /** Installs the signal handlers and the shutdown hook once; {@link #onStop} says what to close. */
    public static void install() {
        if (!INSTALLED.compareAndSet(false, true)) {
            return;
        }
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> Thread.ofPlatform().name("kd-stop-" + name.toLowerCase()).start(() -> {
                    LOG.info("SIG{} received: closing the desk", name);
                    stop();
                    System.exit(0);
                }));
            } catch (IllegalArgumentException unsupported) {
                LOG.debug("No SIG{} handler on this platform", name);
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(CleanStop::stop, "kd-stop-hook"));
    }

    /** What closing the desk means (the composition's close); replaces the previous action. */
    public static void onStop(Runnable close) {
        ACTION.set(close);
    }

    /** Runs the close action once, whoever asks first (a signal, the hook, the window). */
    static void stop() {
        if (STOPPED.compareAndSet(false, true)) {
            try {
                ACTION.get().run();
            } catch (RuntimeException e) {
                LOG.error("Closing the desk failed", e);
            }
        }
    }
}
