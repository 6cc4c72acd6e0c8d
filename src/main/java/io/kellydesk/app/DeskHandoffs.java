package io.kellydesk.app;

import io.kellydesk.core.DeskPreferences;
import io.kellydesk.core.Direction;
import io.kellydesk.core.KellySizer;
import io.kellydesk.core.Recommendation;
import io.kellydesk.desk.HandoffPort;
import io.kellydesk.engine.DeskEngine;
import io.kellydesk.engine.DeskEvent;
import io.kellydesk.engine.EventBus;
import io.kellydesk.feeds.EngineOrderGateway;
import io.kellydesk.feeds.UpstreamHttp;
import io.kellydesk.handoff.HandoffJournal;
import io.kellydesk.handoff.HandoffRecord;
import io.kellydesk.handoff.HandoffService;
import io.kellydesk.handoff.OrderSide;
import io.kellydesk.handoff.OrderTicket;
import io.kellydesk.store.DecisionLog;
import io.kellydesk.store.HandoffLogJournal;
import io.kellydesk.tasks.Backoff;
import io.kellydesk.tasks.PooledTaskExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Wires the order handoff: the service over the engine gateway and the decision log, the re-check on current data
 * before a send, and the desk's port. Without a writable decision log nothing can be recorded first, so every
 * handoff is refused with that reason.
 */
final class DeskHandoffs implements HandoffPort, AutoCloseable {

    private final DeskEngine engine;
    private final Optional<HandoffLogJournal> logJournal;
    private final Supplier<DeskPreferences> preferences;
    private final Clock clock;
    private final HandoffService service;

    DeskHandoffs(DeskEngine engine, Optional<DecisionLog> decisionLog, Supplier<UpstreamHttp> http, Supplier<DeskPreferences> preferences,
                 EventBus bus, Clock clock) {
        this.engine = engine;
        this.preferences = preferences;
        this.clock = clock;
        this.logJournal = decisionLog.filter(log -> !log.isReadOnly()).map(HandoffLogJournal::new);
        HandoffJournal journal = logJournal.<HandoffJournal>map(j -> j).orElseGet(() -> new Unrecordable(
                decisionLog.flatMap(DecisionLog::readOnlyReason).orElse("the decision log is not open")));
        this.service = new HandoffService(new EngineOrderGateway(http), journal, this::refusal, clock,
                Executors.newScheduledThreadPool(2, PooledTaskExecutor.namedDaemons("kd-handoff")), preferences,
                new Backoff(Duration.ofSeconds(5), () -> ThreadLocalRandom.current().nextDouble()),
                record -> bus.publish(new DeskEvent.HandoffChanged(record)), System.getProperty("user.name", "unknown"));
    }

    /**
     * The recommendation re-sized on current data (fresh quote and predictions, current positions and settings):
     * a ticket is refused when the symbol is no longer a trade, changed side, or would now be smaller than the
     * quantity on the ticket.
     */
    Optional<String> refusal(OrderTicket ticket) {
        Recommendation now = KellySizer.recommend(engine.currentInputs(ticket.symbol()), engine.context());
        if (!now.isTrade()) {
            return Optional.of(ticket.symbol() + " is no longer a trade on current data: " + now.reason().words()
                    + (now.reasonDetail() == null || now.reasonDetail().isBlank() ? "" : " (" + now.reasonDetail() + ")"));
        }
        OrderSide side = now.direction() == Direction.LONG ? OrderSide.BUY : OrderSide.SELL;
        if (side != ticket.side()) {
            return Optional.of(ticket.symbol() + " now points the other way (" + side.name() + "): review it again");
        }
        if (now.contracts() < ticket.quantityContracts()) {
            return Optional.of(ticket.symbol() + " is re-sized to " + now.contracts() + (now.contracts() == 1 ? " contract" : " contracts")
                    + " on current data (ticket: " + ticket.quantityContracts() + "); open the ticket again");
        }
        return Optional.empty();
    }

    /** At start, after the feeds: unfinished handoffs of the last run are resumed or shown. */
    void resumeUnfinished() {
        service.resumeUnfinished();
    }

    @Override
    public CompletableFuture<HandoffRecord> handOff(OrderTicket ticket) {
        return service.handOff(ticket);
    }

    @Override
    public CompletableFuture<HandoffRecord> retry(String clientOrderId) {
        return service.retry(clientOrderId);
    }

    @Override
    public void dismiss(String clientOrderId, String why) {
        service.dismiss(clientOrderId, why);
    }

    @Override
    public List<HandoffRecord> today() throws Exception {
        Map<String, HandoffRecord> byId = new LinkedHashMap<>();
        if (logJournal.isPresent()) {
            var startOfDay = LocalDate.now(clock.withZone(ZoneId.systemDefault())).atStartOfDay(ZoneId.systemDefault()).toInstant();
            logJournal.get().since(startOfDay).forEach(h -> byId.put(h.clientOrderId(), h));
        }
        service.known().forEach(h -> byId.put(h.clientOrderId(), h));
        List<HandoffRecord> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparing(HandoffRecord::createdAt).reversed());
        return all;
    }

    @Override
    public DeskPreferences preferences() {
        return preferences.get();
    }

    @Override
    public void close() {
        service.close();
    }

    /** Stands in when the log cannot be written: nothing is sent that was not recorded first. */
    private record Unrecordable(String why) implements HandoffJournal {
        @Override
        public void created(HandoffRecord handoff) {
            throw new IllegalStateException(why);
        }

        @Override
        public void changed(HandoffRecord handoff, Optional<String> responseJson) {
            throw new IllegalStateException(why);
        }

        @Override
        public List<Unfinished> unfinished() {
            return List.of();
        }
    }
}
