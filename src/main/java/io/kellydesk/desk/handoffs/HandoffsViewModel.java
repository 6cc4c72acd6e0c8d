package io.kellydesk.desk.handoffs;

import io.kellydesk.core.HandoffRecord;
import io.kellydesk.desk.fx.FxCoalescer;
import io.kellydesk.desk.fx.FxTasks;
import io.kellydesk.engine.DeskEvent;
import io.kellydesk.engine.EventBus;
import io.kellydesk.engine.HandoffPort;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Today's handoffs: read from the log, kept current by the handoff events (coalesced per handoff), newest first;
 * and the commands on one of them. FX thread, except that events arrive through the coalescer.
 */
public final class HandoffsViewModel {

    private final HandoffPort port;
    private final EventBus bus;
    private final FxCoalescer fx;
    private final FxTasks tasks;
    private final Consumer<String> problems;
    private final Map<String, HandoffRecord> byId = new LinkedHashMap<>();
    private final ObservableList<HandoffRecord> rows = FXCollections.observableArrayList();
    private final StringProperty count = new SimpleStringProperty(this, "count", "");
    private EventBus.Subscription subscription;

    public HandoffsViewModel(HandoffPort port, EventBus bus, FxCoalescer fx, FxTasks tasks, Consumer<String> problems) {
        this.port = Objects.requireNonNull(port);
        this.bus = Objects.requireNonNull(bus);
        this.fx = Objects.requireNonNull(fx);
        this.tasks = Objects.requireNonNull(tasks);
        this.problems = Objects.requireNonNull(problems);
    }

    public void activate() {
        subscription = bus.subscribe(DeskEvent.HandoffChanged.class,
                e -> fx.post("handoffs-row-" + e.handoff().clientOrderId(), () -> put(e.handoff())));
        refresh();
    }

    public void deactivate() {
        if (subscription != null) {
            subscription.close();
        }
    }

    /** Reads today's handoffs again; a row an event brought more recently than the read stays as the event said. */
    public void refresh() {
        tasks.call(port::today, today -> {
            today.forEach(h -> byId.merge(h.clientOrderId(), h, (known, read) -> known.updatedAt().isAfter(read.updatedAt()) ? known : read));
            publish();
        }, problem -> problems.accept("Handoffs could not be read: " + problem));
    }

    private void put(HandoffRecord record) {
        byId.put(record.clientOrderId(), record);
        publish();
    }

    private void publish() {
        rows.setAll(byId.values().stream().sorted(Comparator.comparing(HandoffRecord::createdAt).reversed()).toList());
        count.set(byId.size() + (byId.size() == 1 ? " handoff today" : " handoffs today"));
    }

    /** Whether {@code record} may be resent with its own id (the handoff service decides the same way). */
    public static boolean mayRetry(HandoffRecord record) {
        return record != null && record.awaitsRetryWithSameId();
    }

    public static boolean mayDismiss(HandoffRecord record) {
        return record != null && record.status().mayDismiss();
    }

    public void retry(HandoffRecord record) {
        if (mayRetry(record)) {
            tasks.whenDone(port.retry(record.clientOrderId()), done -> { }, problem -> problems.accept("Not resent: " + problem));
        }
    }

    public void dismiss(HandoffRecord record) {
        if (mayDismiss(record)) {
            port.dismiss(record.clientOrderId(), "checked on the engine");
        }
    }

    public ObservableList<HandoffRecord> rows() {
        return rows;
    }

    public StringProperty countProperty() {
        return count;
    }
}
