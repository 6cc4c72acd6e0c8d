package io.kellydesk.desk.handoffs;

import io.kellydesk.core.HandoffRecord;
import io.kellydesk.core.OrderAction;
import io.kellydesk.core.OrderSide;
import io.kellydesk.core.OrderTicket;
import io.kellydesk.core.OrderType;
import io.kellydesk.core.Recommendation;
import io.kellydesk.core.TimeInForce;
import io.kellydesk.desk.fx.FxCoalescer;
import io.kellydesk.desk.fx.FxTasks;
import io.kellydesk.engine.DeskEvent;
import io.kellydesk.engine.EventBus;
import io.kellydesk.engine.HandoffPort;
import io.kellydesk.engine.PositionWords;
import io.kellydesk.engine.SymbolSnapshot;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * What the trader's Hand off does, decided without a window: refused (and why), a retry ticket for an earlier order
 * whose fate is unknown, an order sent at once (one-click), or a ticket to review. Never sends by itself: one
 * click, one call. While active, hands every handoff change on (coalesced per handoff) to the windows.
 */
public final class HandoffViewModel {

    /** The outcome of one Hand off. */
    public sealed interface Next {
        /** Nothing to hand off, in words for the banner. */
        record Refused(String why) implements Next { }

        /** The earlier order first: only a retry with its own id may go. */
        record Retry(OrderTicket ticket, HandoffRecord earlier, SymbolSnapshot snapshot) implements Next { }

        /** One-click: the order went out; its answer comes as a handoff change. */
        record Sent(OrderTicket ticket) implements Next { }

        /** The ticket to review and send. */
        record Review(OrderTicket ticket, SymbolSnapshot snapshot) implements Next { }
    }

    private final HandoffPort port;
    private final EventBus bus;
    private final FxCoalescer fx;
    private final FxTasks tasks;
    private final Consumer<String> problems;
    private EventBus.Subscription subscription;

    /** @param problems where a refusal or a failed one-click send is said (the banner) */
    public HandoffViewModel(HandoffPort port, EventBus bus, FxCoalescer fx, FxTasks tasks, Consumer<String> problems) {
        this.port = Objects.requireNonNull(port);
        this.bus = Objects.requireNonNull(bus);
        this.fx = Objects.requireNonNull(fx);
        this.tasks = Objects.requireNonNull(tasks);
        this.problems = Objects.requireNonNull(problems);
    }

    /** {@code changes} hears every handoff change on the FX thread, newest per handoff. */
    public void activate(Consumer<HandoffRecord> changes) {
        subscription = bus.subscribe(DeskEvent.HandoffChanged.class,
                e -> fx.post("handoff-" + e.handoff().clientOrderId(), () -> changes.accept(e.handoff())));
    }

    public void deactivate() {
        if (subscription != null) {
            subscription.close();
        }
    }

    /** The trader clicked Hand off (or pressed the hotkey) on {@code snapshot}. */
    public Next handOff(SymbolSnapshot snapshot) {
        Recommendation r = snapshot.recommendation();
        Optional<String> off = port.unavailable();
        if (off.isPresent()) {
            return refused(off.get());
        }
        Optional<HandoffRecord> unknown = port.unresolved(snapshot.symbol());
        if (unknown.isPresent()) {
            // Before anything else: the earlier order's fate. Only the same id may go again (never one-click).
            return new Next.Retry(retryTicket(r, unknown.get()), unknown.get(), snapshot);
        }
        if (!r.hasOrder()) {
            return refused(snapshot.symbol() + ": nothing to hand off (" + (r.isTrade() ? r.actionReason().words()
                    : r.reason().words()) + ").");
        }
        OrderTicket ticket = ticketFor(snapshot);
        if (port.preferences().oneClickHandoff()) {
            tasks.whenDone(port.handOff(ticket), done -> { }, problem -> problems.accept("Not sent: " + problem));
            return new Next.Sent(ticket);
        }
        return new Next.Review(ticket, snapshot);
    }

    private Next refused(String why) {
        problems.accept(why);
        return new Next.Refused(why);
    }

    /**
     * What a retry ticket shows: the earlier order itself (side, size), against the position as it stands now without
     * it (the desk counts the earlier order as working until its fate is known).
     */
    static OrderTicket retryTicket(Recommendation r, HandoffRecord earlier) {
        String currency = r.inputs().account().map(a -> a.currency()).orElse("");
        int earlierSigned = earlier.side() == OrderSide.BUY ? earlier.quantityContracts() : -earlier.quantityContracts();
        return new OrderTicket(earlier.symbol(), earlier.side(), earlier.quantityContracts(), earlier.quantityContracts(),
                OrderType.MARKET, OptionalDouble.empty(), TimeInForce.DAY,
                r.hasOrder() ? r.action() : OrderAction.ADD, r.heldContracts(), r.workingContracts() - earlierSigned,
                r.targetContracts(), r.fractionUsed().orElse(0), r.fractionAtRisk().orElse(0), r.winProbability().orElse(0),
                r.estimate().map(e -> e.rawWinProbability()).orElse(0.0), false,
                r.riskPerContract().map(x -> x.currency()).orElse(0.0), currency, OptionalDouble.empty(), r.inputsHash(), r.decidedAt());
    }

    /** The ticket a recommendation opens with: its side and size, a market day order, its Kelly metadata. */
    static OrderTicket ticketFor(SymbolSnapshot snapshot) {
        Recommendation r = snapshot.recommendation();
        String currency = r.inputs().account().map(a -> a.currency()).filter(c -> !c.isBlank())
                .or(() -> r.inputs().quote().map(q -> q.currency())).orElse("");
        double confidence = r.estimate().map(e -> e.rawWinProbability()).orElse(0.0);
        OptionalDouble ruin = PositionWords.ruinProbability30(r).map(OptionalDouble::of).orElse(OptionalDouble.empty());
        return OrderTicket.from(r, currency, confidence, ruin);
    }

    HandoffPort port() {
        return port;
    }

    FxTasks tasks() {
        return tasks;
    }
}
