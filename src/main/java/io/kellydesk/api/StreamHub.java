package io.kellydesk.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket clients of the stream, each with a bounded queue of its own: a client that reads slowly gets the
 * newest update per symbol (older ones replaced, none piling up), other messages up to {@link #MAX_QUEUED}; a client
 * that acknowledges nothing for {@link #STALL} while messages wait is disconnected. Sends are asynchronous: no client
 * ever holds up the desk or another client. Any thread.
 */
final class StreamHub {

    private static final Logger LOG = LoggerFactory.getLogger(StreamHub.class);
    /** Messages handed to the socket and not yet written out, per client. */
    static final int MAX_IN_FLIGHT = 64;
    /** Non-update messages kept for a slow client (the oldest dropped beyond). */
    static final int MAX_QUEUED = 512;
    static final Duration STALL = Duration.ofSeconds(5);

    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Clock clock;
    private final LongAdder dropped = new LongAdder();

    StreamHub(Clock clock) {
        this.clock = clock;
    }

    /**
     * A new client: the snapshot goes first, then whatever was published since it joined. The client is registered
     * before the snapshot is read, so no update falls between the two; it sends nothing until the snapshot is queued.
     */
    void join(String id, Session session, java.util.function.Supplier<Iterable<String>> snapshot) {
        Client client = new Client(session);
        clients.put(id, client);
        Iterable<String> first = snapshot.get();
        synchronized (client) {
            java.util.List<String> ahead = new java.util.ArrayList<>();
            first.forEach(ahead::add);
            for (int i = ahead.size() - 1; i >= 0; i--) {
                client.others.addFirst(ahead.get(i));
            }
            client.ready = true;
        }
        client.drain();
    }

    void leave(String id) {
        clients.remove(id);
    }

    /** The newest recommendation of {@code symbol} for every client (replacing one a slow client has not been sent). */
    void update(String symbol, String message) {
        clients.values().forEach(c -> c.offerUpdate(symbol, message));
    }

    /** Any other message, to every client. */
    void publish(String message) {
        clients.values().forEach(c -> c.offer(message));
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

    long droppedOrReplaced() {
        return dropped.sum();
    }

    private final class Client {
        final Session session;
        final Map<String, String> updates = new LinkedHashMap<>();
        final Deque<String> others = new ArrayDeque<>();
        int inFlight;
        boolean ready;
        Instant lastProgress = clock.instant();

        Client(Session session) {
            this.session = session;
        }

        void offerUpdate(String symbol, String message) {
            synchronized (this) {
                if (updates.put(symbol, message) != null) {
                    dropped.increment(); // an older update of the symbol was never sent: the newest replaces it
                }
            }
            drain();
        }

        void offer(String message) {
            synchronized (this) {
                if (others.size() >= MAX_QUEUED) {
                    others.removeFirst();
                    dropped.increment();
                }
                others.addLast(message);
            }
            drain();
        }

        synchronized boolean stalledAt(Instant now) {
            boolean waiting = inFlight > 0 || !updates.isEmpty() || !others.isEmpty();
            return waiting && inFlight >= MAX_IN_FLIGHT && now.isAfter(lastProgress.plus(STALL));
        }

        /** Hands waiting messages to the socket while fewer than {@link #MAX_IN_FLIGHT} are unwritten. */
        void drain() {
            while (true) {
                String next;
                synchronized (this) {
                    if (!ready || inFlight >= MAX_IN_FLIGHT || !session.isOpen()) {
                        return;
                    }
                    next = others.pollFirst();
                    if (next == null && !updates.isEmpty()) {
                        var first = updates.entrySet().iterator();
                        next = first.next().getValue();
                        first.remove();
                    }
                    if (next == null) {
                        return;
                    }
                    inFlight++;
                }
                session.sendText(next, Callback.from(this::written, failure -> session.disconnect()));
            }
        }

        private void written() {
            synchronized (this) {
                inFlight--;
                lastProgress = clock.instant();
            }
            drain();
        }
    }
}
