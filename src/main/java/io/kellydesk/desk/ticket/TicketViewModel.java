package io.kellydesk.desk.ticket;

import io.kellydesk.desk.fx.FxTasks;
import io.kellydesk.core.HandoffTarget;
import io.kellydesk.core.Quote;
import io.kellydesk.core.HandoffRecord;
import io.kellydesk.core.HandoffRefused;
import io.kellydesk.core.HandoffStatus;
import io.kellydesk.core.OrderSide;
import io.kellydesk.core.OrderTicket;
import io.kellydesk.core.OrderType;
import io.kellydesk.core.TimeInForce;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import io.kellydesk.engine.HandoffPort;
import io.kellydesk.desk.fx.Formats;

/**
 * One order ticket: prefilled from a TRADE recommendation, editable within its limits (quantity 1 … the
 * recommendation; limit price defaulting to the near side of the quote), sent once. A second Send while one is
 * in flight does nothing; after an answer the ticket is spent, except a failure, which retries the same id.
 */
public final class TicketViewModel {

    private final OrderTicket base;
    private final Optional<Quote> quote;
    private final HandoffPort port;
    private final FxTasks tasks;
    private final IntegerProperty quantity = new SimpleIntegerProperty(this, "quantity");
    private final ObjectProperty<OrderType> type = new SimpleObjectProperty<>(this, "type", OrderType.MARKET);
    private final StringProperty limitText = new SimpleStringProperty(this, "limitText", "");
    private final ObjectProperty<TimeInForce> timeInForce = new SimpleObjectProperty<>(this, "timeInForce", TimeInForce.DAY);
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final StringProperty statusStyle = new SimpleStringProperty(this, "statusStyle", "");
    private final BooleanProperty sending = new SimpleBooleanProperty(this, "sending", false);
    private final BooleanProperty spent = new SimpleBooleanProperty(this, "spent", false);
    private final StringProperty sendText = new SimpleStringProperty(this, "sendText", "Send");
    private final StringBinding capitalAtRisk;
    private final BooleanProperty retryOnly = new SimpleBooleanProperty(this, "retryOnly", false);
    private volatile String clientOrderId;
    private HandoffRecord last;

    public TicketViewModel(OrderTicket ticket, Optional<Quote> quote, HandoffPort port, FxTasks tasks) {
        this.base = ticket;
        this.quote = quote;
        this.port = port;
        this.tasks = tasks;
        quantity.set(ticket.quantityContracts());
        quote.ifPresent(q -> limitText.set(Formats.price(ticket.side() == OrderSide.BUY ? q.ask() : q.bid())));
        double perContract = ticket.riskPerContractCurrency();
        capitalAtRisk = Bindings.createStringBinding(() -> {
            int after = ticket.exposureBefore() + (ticket.side() == OrderSide.BUY ? quantity.get() : -quantity.get());
            return "after the order " + Formats.money(Math.abs(after) * perContract) + " " + ticket.currency() + " ("
                    + Math.abs(after) + " × " + Formats.money(perContract) + ") · this order " + Formats.money(perContract * quantity.get());
        }, quantity);
        if (port.preferences().handoffTarget() != HandoffTarget.ENGINE) {
            sendText.set(port.preferences().handoffTarget() == HandoffTarget.CLIPBOARD ? "Copy ticket" : "Write ticket");
        }
    }

    /**
     * A ticket that can only resend an earlier order whose outcome is unknown, with its own client order id: a new
     * id for the same intended trade could make a second order at the engine.
     */
    public static TicketViewModel retrying(OrderTicket shown, HandoffRecord unresolved, Optional<Quote> quote, HandoffPort port,
                                           FxTasks tasks) {
        TicketViewModel vm = new TicketViewModel(shown, quote, port, tasks);
        vm.last = unresolved;
        vm.clientOrderId = unresolved.clientOrderId();
        vm.retryOnly.set(true);
        vm.sendText.set("Retry with the same id");
        vm.show("The earlier order " + unresolved.clientOrderId() + " (" + unresolved.side().name() + " " + unresolved.quantityContracts()
                + ") has no known outcome: " + unresolved.detail().orElse(unresolved.status().name())
                + ". Retry asks the engine first, then resends the same id; the engine cannot make it a second order.", "error");
        return vm;
    }

    /** True when this ticket may only resend an earlier order with its id (no edits, no new id). */
    public BooleanProperty retryOnlyProperty() {
        return retryOnly;
    }

    public OrderTicket base() {
        return base;
    }

    /** "holding 3 long · working buy 1 → target 5 long" */
    public String positionWords() {
        return io.kellydesk.engine.PositionWords.holding(base.heldContracts(), base.workingContracts()) + " → target "
                + io.kellydesk.engine.PositionWords.signed(base.targetContracts());
    }

    /** "add: buy 2", "reverse: buy 5 (close 3, open 2)", "reduce: sell 4" */
    public String orderWords() {
        if (retryOnly.get() && last != null) {
            return "the earlier order: " + base.side().name().toLowerCase(java.util.Locale.ROOT) + " " + base.quantityContracts()
                    + ", id " + last.clientOrderId();
        }
        String words = base.action().name().toLowerCase(java.util.Locale.ROOT) + ": " + base.side().name().toLowerCase(java.util.Locale.ROOT)
                + " " + base.quantityContracts();
        return base.action() == io.kellydesk.core.OrderAction.REVERSE
                ? words + " (close " + base.closingLegContracts() + ", open " + base.openingLegContracts() + ")" : words;
    }

    /** The ticket as edited; throws with the reason when an edit breaks a rule (e.g. no limit price). */
    OrderTicket edited() {
        int contracts = Math.max(1, Math.min(quantity.get(), base.recommendedContracts()));
        OptionalDouble limit = OptionalDouble.empty();
        if (type.get() == OrderType.LIMIT) {
            try {
                limit = OptionalDouble.of(Double.parseDouble(limitText.get().trim().replace(",", "")));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the limit price \"" + limitText.get() + "\" is not a number");
            }
        }
        return base.withQuantity(contracts).withType(type.get(), limit).withTimeInForce(timeInForce.get());
    }

    /** Sends (or, after a failure, resends with the same id). FX thread; at most one request in flight. */
    public void send() {
        if (sending.get() || spent.get()) {
            return;
        }
        if (last != null && last.status().mayRetryWithSameId()) {
            sending.set(true);
            show("Resending " + last.clientOrderId() + " (same id)…", "progress");
            tasks.whenSettled(port.retry(last.clientOrderId()), this::finished, this::notSent);
            return;
        }
        OrderTicket ticket;
        try {
            ticket = edited();
        } catch (IllegalArgumentException e) {
            show("Not sent: " + e.getMessage(), "error");
            return;
        }
        sending.set(true);
        show("Checking against current data, recording, sending…", "progress");
        tasks.whenSettled(port.handOff(ticket), this::finished, this::notSent);
    }

    private void notSent(Throwable error) {
        sending.set(false);
        Throwable cause = FxTasks.causeOf(error);
        show((cause instanceof HandoffRefused ? "Not sent: " : "Failed: ") + cause.getMessage(), "error");
    }

    private void finished(HandoffRecord record) {
        sending.set(false);
        last = record;
        clientOrderId = record.clientOrderId();
        switch (record.status()) {
            case ACCEPTED -> {
                spent.set(true);
                // a retry that found the order at the engine says so: nothing was sent again
                String found = record.detail().filter(d -> d.contains("nothing was resent")).map(d -> " · " + d).orElse("");
                show("Accepted by the engine: order " + record.engineOrderId().orElse("?") + " (client id " + record.clientOrderId() + ")"
                        + found, "ok");
            }
            case COPIED, WRITTEN -> {
                spent.set(true);
                show((record.status() == HandoffStatus.COPIED ? "Copied to the clipboard" : "Written") + " · " + record.clientOrderId(), "ok");
            }
            case REJECTED, AUTH_FAILED -> {
                spent.set(true);
                show(record.detail().orElse(record.status().name()), "error");
            }
            case FAILED, UNRESOLVED, NOT_RECEIVED -> {
                sendText.set("Retry with the same id");
                retryOnly.set(true);
                show(record.detail().orElse("failed") + ".", "error");
            }
            default -> show(record.detail().orElse(record.status().name()), "progress");
        }
    }

    /** Progress from the handoff service (resending, …) while this ticket's order is in flight. FX thread. */
    public void progress(HandoffRecord record) {
        if (sending.get() && record.symbol().equals(base.symbol()) && !record.status().isFinal()) {
            show(record.clientOrderId() + ": " + record.detail().orElse(record.status().name()), "progress");
        }
    }

    private void show(String text, String style) {
        status.set(text);
        statusStyle.set(style);
    }

    public Optional<String> clientOrderId() {
        return Optional.ofNullable(clientOrderId);
    }

    public Optional<HandoffRecord> last() {
        return Optional.ofNullable(last);
    }

    public IntegerProperty quantityProperty() {
        return quantity;
    }

    public ObjectProperty<OrderType> typeProperty() {
        return type;
    }

    public StringProperty limitTextProperty() {
        return limitText;
    }

    public ObjectProperty<TimeInForce> timeInForceProperty() {
        return timeInForce;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty statusStyleProperty() {
        return statusStyle;
    }

    public BooleanProperty sendingProperty() {
        return sending;
    }

    public BooleanProperty spentProperty() {
        return spent;
    }

    public StringProperty sendTextProperty() {
        return sendText;
    }

    public StringBinding capitalAtRiskBinding() {
        return capitalAtRisk;
    }

    public String targetWords() {
        return switch (port.preferences().handoffTarget()) {
            case ENGINE -> "the trading engine, once: if it does not answer, the desk asks it whether the order arrived before sending it again, so it is never doubled";
            case CLIPBOARD -> "the clipboard: one plain line and a FIX 4.4 NewOrderSingle, for keying by hand";
            case FOLDER -> "a JSON file in " + port.preferences().handoffFolder();
        };
    }

    public Optional<Quote> quote() {
        return quote;
    }

    /** "bid 6012.25 · ask 6012.50 · a market order buys near the ask": what a market order meets. */
    public String marketWords() {
        return quote.map(q -> "bid " + Formats.price(q.bid()) + " · ask " + Formats.price(q.ask()) + " · a market order "
                        + (base.side() == OrderSide.BUY ? "buys near the ask" : "sells near the bid"))
                .orElse("no quote: the desk has no bid or ask for " + base.symbol() + " right now");
    }
}
