package io.kellydesk.desk;

import io.kellydesk.core.KellyMath;
import io.kellydesk.core.Recommendation;
import io.kellydesk.engine.DeskEvent;
import io.kellydesk.engine.EventBus;
import io.kellydesk.engine.SymbolSnapshot;
import io.kellydesk.handoff.HandoffStatus;
import io.kellydesk.handoff.OrderTicket;
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

/**
 * The trader's Hand off action: opens the ticket for a TRADE (one window per symbol), or with one-click set sends at
 * once; copies a clipboard ticket when it is ready; passes progress to the open ticket. Never sends by itself.
 */
public final class HandoffPresenter {

    private final HandoffPort port;
    private final EventBus bus;
    private final FxCoalescer fx;
    private final java.util.concurrent.Executor fxThread;
    private final Supplier<Window> owner;
    private final Supplier<List<String>> stylesheets;
    private final Consumer<String> problems;
    private final Map<String, TicketView> openTickets = new HashMap<>();
    private EventBus.Subscription subscription;

    /** @param fxThread runs each task on the FX thread, none dropped (answers to a click) */
    public HandoffPresenter(HandoffPort port, EventBus bus, FxCoalescer fx, java.util.concurrent.Executor fxThread, Supplier<Window> owner,
                            Supplier<List<String>> stylesheets, Consumer<String> problems) {
        this.port = port;
        this.bus = bus;
        this.fx = fx;
        this.fxThread = fxThread;
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
        if (!r.isTrade()) {
            problems.accept(snapshot.symbol() + ": nothing to hand off (" + r.reason().words() + ").");
            return Optional.empty();
        }
        OrderTicket ticket = ticketFor(snapshot);
        if (port.preferences().oneClickHandoff()) {
            port.handOff(ticket).whenComplete((done, error) -> {
                if (error != null) {
                    Throwable cause = error.getCause() != null ? error.getCause() : error;
                    fxThread.execute(() -> problems.accept("Not sent: " + cause.getMessage()));
                }
            });
            return Optional.empty();
        }
        TicketView open = openTickets.get(snapshot.symbol());
        if (open != null && open.stage().isShowing() && !open.viewModel().spentProperty().get()) {
            open.stage().toFront();
            return Optional.of(open);
        }
        TicketView view = new TicketView(new TicketViewModel(ticket, r.inputs().quote(), port, fxThread));
        view.open(owner.get(), stylesheets.get());
        openTickets.put(snapshot.symbol(), view);
        view.stage().setOnHidden(e -> openTickets.remove(snapshot.symbol(), view));
        return Optional.of(view);
    }

    /** The ticket a recommendation opens with: its side and size, a market day order, its Kelly metadata. */
    static OrderTicket ticketFor(SymbolSnapshot snapshot) {
        Recommendation r = snapshot.recommendation();
        String currency = r.inputs().account().map(a -> a.currency()).filter(c -> !c.isBlank())
                .or(() -> r.inputs().quote().map(q -> q.currency())).orElse("");
        double confidence = r.estimate().map(e -> e.rawWinProbability()).orElse(0.0);
        OptionalDouble ruin = OptionalDouble.empty();
        if (r.fullKellyFraction().isPresent() && r.fractionUsed().isPresent() && r.fullKellyFraction().getAsDouble() > 0) {
            ruin = OptionalDouble.of(KellyMath.probabilityOfEverFallingTo(0.7, r.fractionUsed().getAsDouble() / r.fullKellyFraction().getAsDouble()));
        }
        return OrderTicket.from(r, currency, confidence, ruin);
    }
}
