package io.kellydesk.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket clients of the stream, each with a bounded queue of its own: a client that reads slowly gets the
 * newest update per symbol (older ones replaced, none piling up), other messages up to {@link #MAX_QUEUED}; a client
 * that acknowledges nothing for {@link #STALL} while messages wait is disconnected. Publishing only queues (each
 * message is encoded once, for every client); the sends run on the stream thread, a drain's frames batched into as few
 * socket writes as Jetty can, so no client ever holds up the desk or another client. Any thread.
 */
final class StreamHub {

    private static final Logger LOG = LoggerFactory.getLogger(StreamHub.class);
    /** Messages handed to the socket and not yet written out, per client. */
    static final int MAX_IN_FLIGHT = 256;
    /** Non-update messages kept for a slow client (the oldest dropped beyond). */
    static final int MAX_QUEUED = 512;
    static final Duration STALL = Duration.ofSeconds(5);

    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Executor streamThread;
    /** One drain task for all clients at a time: an update for 20 clients is one task, not 20. */
    private final java.util.concurrent.atomic.AtomicBoolean drainScheduled = new java.util.concurrent.atomic.AtomicBoolean();

    StreamHub(Clock clock, Executor streamThread) {
        this.clock = clock;
        this.streamThread = streamThread;
    }

    static byte[] utf8(String message) {
        return message.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A new client: the snapshot goes first, then whatever was published since it joined. The client is registered
     * before the snapshot is read, so no update falls between the two; it sends nothing until the snapshot is queued.
     */
    void join(String id, Session session, Supplier<Iterable<String>> snapshot) {
        Client client = new Client(session);
        clients.put(id, client);
        List<byte[]> ahead = new ArrayList<>();
        snapshot.get().forEach(m -> ahead.add(utf8(m)));
        synchronized (client) {
            for (int i = ahead.size() - 1; i >= 0; i--) {
                client.others.addFirst(ahead.get(i));
            }
            client.ready = true;
        }
        client.schedule();
    }

    private void scheduleDrain() {
        if (drainScheduled.compareAndSet(false, true)) {
            try {
                streamThread.execute(this::drainAll);
            } catch (RuntimeException closing) {
                drainScheduled.set(false);
            }
        }
    }

    private void drainAll() {
        drainScheduled.set(false); // first: what is offered from now on schedules another pass
        clients.values().forEach(Client::drain);
    }

    void leave(String id) {
        clients.remove(id);
    }

    /** The newest recommendation of {@code key} for every client (replacing one a slow client has not been sent). */
    void update(String key, String message) {
        if (clients.isEmpty()) {
            return;
        }
        byte[] bytes = utf8(message);
        clients.values().forEach(c -> c.offerUpdate(key, bytes));
    }

    /** Any other message, to every client. */
    void publish(String message) {
        if (clients.isEmpty()) {
            return;
        }
        byte[] bytes = utf8(message);
        clients.values().forEach(c -> c.offer(bytes));
    }

    /** Disconnects the clients that made no progress for {@link #STALL} while messages waited. Called every second. */
    void sweep() {
        Instant now = clock.instant();
        clients.forEach((id, client) -> {
            if (client.stalledAt(now)) {
                LOG.warn("API stream client {} stalled for {} s; disconnected", id, STALL.toSeconds());
                clients.remove(id);
                client.session.disconnect();
            }
        });
    }

    int clientCount() {
        return clients.size();
    }

    private final class Client {
        final Session session;
        final CoreSession core;
        final Map<String, byte[]> updates = new LinkedHashMap<>();
        final Deque<byte[]> others = new ArrayDeque<>();
        int inFlight;
        boolean ready;
        Instant lastProgress = clock.instant();

        Client(Session session) {
            this.session = session;
            this.core = session instanceof WebSocketSession jetty ? jetty.getCoreSession() : null;
        }

        void offerUpdate(String key, byte[] message) {
            synchronized (this) {
                updates.put(key, message); // an older update not yet sent is replaced by the newest
            }
            schedule();
        }

        void offer(byte[] message) {
            synchronized (this) {
                if (others.size() >= MAX_QUEUED) {
                    others.removeFirst(); // the oldest goes: a slow client keeps the newest
                }
                others.addLast(message);
            }
            schedule();
        }

        void schedule() {
            synchronized (this) {
                if (!ready) {
                    return;
                }
            }
            scheduleDrain();
        }

        synchronized boolean stalledAt(Instant now) {
            return inFlight >= MAX_IN_FLIGHT && now.isAfter(lastProgress.plus(STALL));
        }

        /** On the stream thread: hands the waiting messages to the socket as one batch, within {@link #MAX_IN_FLIGHT}. */
        private void drain() {
            List<byte[]> batch = new ArrayList<>();
            synchronized (this) {
                if (!ready || !session.isOpen()) {
                    return;
                }
                while (inFlight + batch.size() < MAX_IN_FLIGHT) {
                    byte[] next = others.pollFirst();
                    if (next == null && !updates.isEmpty()) {
                        var first = updates.entrySet().iterator();
                        next = first.next().getValue();
                        first.remove();
                    }
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
                inFlight += batch.size();
            }
            for (byte[] message : batch) {
                if (core != null) {
                    core.sendFrame(new Frame(OpCode.TEXT, ByteBuffer.wrap(message)), org.eclipse.jetty.util.Callback.from(this::written,
                            failure -> session.disconnect()), true);
                } else {
                    session.sendText(new String(message, StandardCharsets.UTF_8),
                            org.eclipse.jetty.websocket.api.Callback.from(this::written, failure -> session.disconnect()));
                }
            }
            if (core != null && !batch.isEmpty()) {
                core.flush(org.eclipse.jetty.util.Callback.NOOP);
            }
        }

        private void written() {
            boolean more;
            synchronized (this) {
                inFlight--;
                lastProgress = clock.instant();
                more = !others.isEmpty() || !updates.isEmpty();
            }
            if (more) {
                schedule();
            }
        }
    }
}
