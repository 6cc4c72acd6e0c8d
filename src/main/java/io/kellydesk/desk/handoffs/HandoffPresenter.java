package io.kellydesk.desk.handoffs;

import io.kellydesk.desk.fx.FxTasks;
import io.kellydesk.core.Recommendation;
import io.kellydesk.engine.DeskEvent;
import io.kellydesk.engine.EventBus;
import io.kellydesk.engine.SymbolSnapshot;
import io.kellydesk.core.HandoffStatus;
import io.kellydesk.core.OrderTicket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;
import io.kellydesk.engine.HandoffPort;
import io.kellydesk.desk.fx.FxCoalescer;
import io.kellydesk.desk.ticket.TicketView;
import io.kellydesk.desk.ticket.TicketViewModel;

/**
 * The trader's Hand off action: opens the ticket for a TRADE (one window per symbol), or with one-click set sends at
 * once; copies a clipboard ticket when it is ready; passes progress to the open ticket. Never sends by itself.
 */
public final class HandoffPresenter {

    private final HandoffPort port;
    private final EventBus bus;
    private final FxCoalescer fx;
    private final FxTasks tasks;
    private final Supplier<Window> owner;
    private final Supplier<List<String>> stylesheets;
    private final Consumer<String> problems;
    private final Map<String, TicketView> openTickets = new HashMap<>();
    private EventBus.Subscription subscription;

    /** @param tasks answers to a click reach the FX thread through it, none dropped */
    public HandoffPresenter(HandoffPort port, EventBus bus, FxCoalescer fx, FxTasks tasks, Supplier<Window> owner,
                            Supplier<List<String>> stylesheets, Consumer<String> problems) {
        this.port = port;
        this.bus = bus;
        this.fx = fx;
        this.tasks = tasks;
        this.owner = owner;
        this.stylesheets = stylesheets;
        this.problems = problems;
    }

    public void activate() {
        subscription = bus.subscribe(DeskEvent.HandoffChanged.class, e -> fx.post("handoff-" + e.handoff().clientOrderId(), () -> {
            TicketView ticket = openTickets.get(e.handoff().symbol());
            if (ticket != null) {
                ticket.viewModel().progress(e.handoff());
            }
            if (e.handoff().status() == HandoffStatus.COPIED) {
                ClipboardContent content = new ClipboardContent();
                content.putString(e.handoff().detail().orElse(""));
                Clipboard.getSystemClipboard().setContent(content);
            }
        }));
    }

    public void deactivate() {
        if (subscription != null) {
            subscription.close();
        }
        // hiding a ticket removes it from the map (its onHidden): iterate over a copy
        List.copyOf(openTickets.values()).forEach(t -> t.stage().hide());
        openTickets.clear();
    }

    /** The trader clicked Hand off (or pressed the hotkey) on {@code snapshot}. FX thread. */
    public Optional<TicketView> handOff(SymbolSnapshot snapshot) {
        Recommendation r = snapshot.recommendation();
        Optional<String> off = port.unavailable();
        if (off.isPresent()) {
            problems.accept(off.get());
            return Optional.empty();
        }
        Optional<io.kellydesk.core.HandoffRecord> unknown = port.unresolved(snapshot.symbol());
        if (unknown.isPresent()) {
            // Before anything else: the earlier order's fate. Only the same id may go again (never one-click).
            return Optional.of(openTicket(snapshot, TicketViewModel.retrying(retryTicket(r, unknown.get()), unknown.get(),
                    r.inputs().quote(), port, tasks)));
        }
        if (!r.hasOrder()) {
            problems.accept(snapshot.symbol() + ": nothing to hand off (" + (r.isTrade() ? r.actionReason().words()
                    : r.reason().words()) + ").");
            return Optional.empty();
        }
        OrderTicket ticket = ticketFor(snapshot);
        if (port.preferences().oneClickHandoff()) {
            tasks.whenDone(port.handOff(ticket), done -> { }, problem -> problems.accept("Not sent: " + problem));
            return Optional.empty();
        }
        TicketView open = openTickets.get(snapshot.symbol());
        if (open != null && open.stage().isShowing() && !open.viewModel().spentProperty().get()) {
            open.stage().toFront();
            return Optional.of(open);
        }
        return Optional.of(openTicket(snapshot, new TicketViewModel(ticket, r.inputs().quote(), port, tasks)));
    }

    private TicketView openTicket(SymbolSnapshot snapshot, TicketViewModel model) {
        TicketView open = openTickets.get(snapshot.symbol());
        if (open != null) {
            open.stage().hide();
        }
        TicketView view = new TicketView(model);
        view.open(owner.get(), stylesheets.get());
        openTickets.put(snapshot.symbol(), view);
        view.stage().setOnHidden(e -> openTickets.remove(snapshot.symbol(), view));
        return view;
    }

    /**
     * What a retry ticket shows: the earlier order itself (side, size), against the position as it stands now without
     * it (the desk counts the earlier order as working until its fate is known).
     */
    static OrderTicket retryTicket(Recommendation r, io.kellydesk.core.HandoffRecord earlier) {
        String currency = r.inputs().account().map(a -> a.currency()).orElse("");
        int earlierSigned = earlier.side() == io.kellydesk.core.OrderSide.BUY ? earlier.quantityContracts() : -earlier.quantityContracts();
        return new OrderTicket(earlier.symbol(), earlier.side(), earlier.quantityContracts(), earlier.quantityContracts(),
                io.kellydesk.core.OrderType.MARKET, OptionalDouble.empty(), io.kellydesk.core.TimeInForce.DAY,
                r.hasOrder() ? r.action() : io.kellydesk.core.OrderAction.ADD, r.heldContracts(), r.workingContracts() - earlierSigned,
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
        OptionalDouble ruin = io.kellydesk.engine.PositionWords.ruinProbability30(r).map(OptionalDouble::of).orElse(OptionalDouble.empty());
        return OrderTicket.from(r, currency, confidence, ruin);
    }
}
