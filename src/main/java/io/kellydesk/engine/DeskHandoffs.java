package io.kellydesk.engine;

import io.kellydesk.core.DeskPreferences;
import io.kellydesk.core.Direction;
import io.kellydesk.core.KellySizer;
import io.kellydesk.core.Recommendation;
import io.kellydesk.core.HandoffJournal;
import io.kellydesk.core.OrderGateway;
import io.kellydesk.core.HandoffRecord;
import io.kellydesk.handoff.HandoffService;
import io.kellydesk.core.OrderSide;
import io.kellydesk.core.OrderTicket;
import io.kellydesk.store.DecisionLog;
import io.kellydesk.store.HandoffLogJournal;
import io.kellydesk.tasks.Backoff;
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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Wires the order handoff: the service over the engine gateway and the decision log, the re-check on current data
 * before a send, and the desk's port. Without a writable decision log nothing can be recorded first, so every
 * handoff is refused with that reason.
 */
public final class DeskHandoffs implements HandoffPort, AutoCloseable {

    private final DeskEngine engine;
    private final Optional<HandoffLogJournal> logJournal;
    private final Supplier<DeskPreferences> preferences;
    private final Clock clock;
    private final HandoffService service;
    private final Optional<String> unavailable;

    /** @param scheduler the handoff threads (sends, resends, look-ups); owned by the caller, never shut down here */
    public DeskHandoffs(DeskEngine engine, Optional<DecisionLog> decisionLog, OrderGateway gateway, Supplier<DeskPreferences> preferences,
                        EventBus bus, Clock clock, ScheduledExecutorService scheduler, String userName) {
        this.engine = engine;
        this.preferences = preferences;
        this.clock = clock;
        this.logJournal = decisionLog.filter(log -> !log.isReadOnly()).map(HandoffLogJournal::new);
        this.unavailable = logJournal.isPresent() ? Optional.empty() : Optional.of(decisionLog.flatMap(DecisionLog::readOnlyReason)
                .orElse("Hand-off is off: the decision log could not be opened, and no order goes out without its audit row."));
        HandoffJournal journal = logJournal.<HandoffJournal>map(j -> j).orElseGet(() -> new Unrecordable(unavailable.get()));
        this.service = new HandoffService(gateway, journal, this::refusal, clock, scheduler, preferences,
                new Backoff(Duration.ofSeconds(5), () -> ThreadLocalRandom.current().nextDouble()),
                record -> {
                    if (record.target() == io.kellydesk.core.HandoffTarget.ENGINE) {
                        engine.onHandoff(new io.kellydesk.core.SentOrder(record.clientOrderId(), record.symbol(),
                                record.side() == OrderSide.BUY ? Direction.LONG : Direction.SHORT, record.quantityContracts(),
                                record.status().mayBeAtEngine()), record.createdAt());
                    }
                    bus.publish(new DeskEvent.HandoffChanged(record));
                }, userName);
    }

    /**
     * Spec step 11 at handoff: the recommendation re-sized on current data (predictions, quote, positions, working
     * orders, settings). A ticket is refused when current data offer no order, an order the other way, or a smaller
     * one than the ticket's: so the position it leads to stays inside every limit the sizer checked.
     */
    Optional<String> refusal(OrderTicket ticket) {
        Recommendation now = KellySizer.recommend(engine.currentInputs(ticket.symbol()), engine.context());
        if (!now.hasOrder()) {
            String why = now.isTrade() ? now.actionReason().words()
                    : now.reason().words() + (now.reasonDetail() == null || now.reasonDetail().isBlank() ? "" : " (" + now.reasonDetail() + ")");
            return Optional.of(ticket.symbol() + " has no order to offer on current data: " + why);
        }
        if (Integer.signum(now.orderContracts()) != Integer.signum(ticket.signedQuantity())) {
            return Optional.of(ticket.symbol() + "'s order now goes the other way (" + (now.orderContracts() > 0 ? "buy" : "sell")
                    + " " + Math.abs(now.orderContracts()) + "): review it again");
        }
        if (Math.abs(now.orderContracts()) < ticket.quantityContracts()) {
            return Optional.of(ticket.symbol() + "'s order is " + Math.abs(now.orderContracts())
                    + (Math.abs(now.orderContracts()) == 1 ? " contract" : " contracts") + " on current data (holding "
                    + now.heldContracts() + ", working " + now.workingContracts() + "; ticket: " + ticket.quantityContracts()
                    + "); open the ticket again");
        }
        return Optional.empty();
    }

    /** At start, after the feeds: unfinished handoffs of the last run are resumed or shown. */
    public void resumeUnfinished() {
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
    public Optional<HandoffRecord> unresolved(String symbol) {
        return service.unresolved(symbol);
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
    public Optional<String> unavailable() {
        return unavailable;
    }

    @Override
    public DeskPreferences preferences() {
        return preferences.get();
    }

    /** No new handoff and no resend from now on (see {@link HandoffService#close}). Any thread. */
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
