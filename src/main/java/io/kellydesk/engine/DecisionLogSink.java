package io.kellydesk.engine;

import io.kellydesk.core.ClosedTrade;
import io.kellydesk.core.Recommendation;
import io.kellydesk.store.DecisionLog;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The decision log as the engine's sink: every recommendation, heartbeat, resolved trade and service state change. */
public final class DecisionLogSink implements DecisionSink {

    private final DecisionLog log;

    private DecisionLogSink(DecisionLog log) {
        this.log = log;
    }

    /**
     * The sink over a log that can be written, and its service-event recording on {@code bus}; a log that did not open,
     * or opened read-only, records nothing (its banner says why).
     */
    public static DecisionSink over(Optional<DecisionLog> log, EventBus bus, Clock clock) {
        if (log.isEmpty() || log.get().isReadOnly()) {
            return recommendation -> { };
        }
        DecisionLog writable = log.get();
        bus.subscribe(DeskEvent.ServiceHealthChanged.class, e -> writable.recordServiceEvent(clock.instant(),
                e.health().service().displayName(), e.health().state().name(), e.health().lastError().orElse(e.health().detail())));
        return new DecisionLogSink(writable);
    }

    @Override
    public void record(Recommendation recommendation) {
        log.append(recommendation);
    }

    @Override
    public void heartbeat(String symbol, String inputsHash, Instant at) {
        log.heartbeat(symbol, inputsHash, at);
    }

    @Override
    public void tradesClosed(List<ClosedTrade> trades) {
        log.resolveOutcomes(trades);
    }
}
