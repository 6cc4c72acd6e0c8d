package io.kellydesk.feeds;

import io.kellydesk.core.OrderGateway;
import io.kellydesk.core.ServiceHealth;
import io.kellydesk.core.ServicesSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Owns the desk's connections to the services: one HTTP client and one poller at a time. Changed services' settings
 * replace both (the old ones closed first); the symbols held or working elsewhere stay tracked across the change;
 * the order sender always uses the client in force. Any thread; one change at a time.
 */
public final class FeedSupervisor implements AutoCloseable {

    private final FeedListener listener;
    private final Clock clock;
    private final PollThreads threads;
    private volatile UpstreamHttp http;
    private volatile FeedPoller poller;
    private Set<String> exposed = Set.of();
    private boolean closed;

    public FeedSupervisor(FeedListener listener, Clock clock, PollThreads threads) {
        this.listener = Objects.requireNonNull(listener);
        this.clock = Objects.requireNonNull(clock);
        this.threads = Objects.requireNonNull(threads);
    }

    /**
     * Starts polling {@code services}, replacing what polled before.
     *
     * @param tradesLookback how far back to ask for closed trades (the payoff window)
     * @param barsCount      how many daily bars to ask for (correlation lookback + 1)
     */
    public synchronized void start(ServicesSettings services, Duration tradesLookback, int barsCount) {
        if (closed) {
            return;
        }
        stopLocked();
        http = new UpstreamHttp(services);
        poller = new FeedPoller(new UpstreamClient(http), services, listener, clock, () -> ThreadLocalRandom.current().nextDouble(),
                tradesLookback, barsCount, threads);
        poller.start();
        poller.trackExposure(exposed);
    }

    /** Symbols held or working that the watchlist may not list: they are polled too (their quote prices the exposure). */
    public synchronized void trackExposure(Set<String> symbols) {
        exposed = Set.copyOf(symbols);
        if (poller != null) {
            poller.trackExposure(exposed);
        }
    }

    /** Every service's health figures now; empty before the first start. */
    public List<ServiceHealth> health() {
        FeedPoller current = poller; // read without the lock: a restart in progress never holds up the Health tab
        return current == null ? List.of() : current.health();
    }

    /** The trading engine's order intake over whichever client is in force when an order goes out. */
    public OrderGateway orderGateway() {
        return new EngineOrderGateway(this::currentHttp);
    }

    private UpstreamHttp currentHttp() {
        return http;
    }

    private void stopLocked() {
        if (poller != null) {
            poller.close();
            poller = null;
        }
        if (http != null) {
            http.close();
            http = null;
        }
    }

    /** Stops polling and closes the connections; the poll threads belong to their owner. Any thread. */
    @Override
    public synchronized void close() {
        closed = true;
        stopLocked();
    }
}
