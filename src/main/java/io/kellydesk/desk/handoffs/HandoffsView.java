package io.kellydesk.desk.handoffs;

import io.kellydesk.engine.DeskEvent;
import io.kellydesk.engine.EventBus;
import io.kellydesk.core.HandoffRecord;
import io.kellydesk.core.HandoffStatus;
import io.kellydesk.desk.fx.FxTasks;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import io.kellydesk.engine.HandoffPort;
import io.kellydesk.desk.fx.Fxml;
import io.kellydesk.desk.fx.FxCoalescer;
import io.kellydesk.desk.ticket.HandoffWords;

/**
 * Controller of {@code fxml/HandoffsPane.fxml}: today's handoffs from the log, kept current by the handoff events
 * (coalesced per handoff). Retry resends a failed or unresolved one with its own client order id.
 */
public final class HandoffsView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final HandoffPort port;
    private final EventBus bus;
    private final FxCoalescer fx;
    private final FxTasks tasks;
    private final Consumer<String> problems;
    private final Map<String, HandoffRecord> rows = new LinkedHashMap<>();
    private EventBus.Subscription subscription;
    @FXML private Parent root;
    @FXML private TableView<HandoffRecord> table;
    @FXML private TableColumn<HandoffRecord, String> timeColumn;
    @FXML private TableColumn<HandoffRecord, String> orderColumn;
    @FXML private TableColumn<HandoffRecord, String> targetColumn;
    @FXML private TableColumn<HandoffRecord, String> statusColumn;
    @FXML private TableColumn<HandoffRecord, String> engineIdColumn;
    @FXML private TableColumn<HandoffRecord, String> clientIdColumn;
    @FXML private TableColumn<HandoffRecord, String> detailColumn;
    @FXML private Button retryButton;
    @FXML private Button dismissButton;
    @FXML private Label countLabel;

    public HandoffsView(HandoffPort port, EventBus bus, FxCoalescer fx, FxTasks tasks, Consumer<String> problems) {
        this.port = port;
        this.bus = bus;
        this.fx = fx;
        this.tasks = tasks;
        this.problems = problems;
    }

    public Parent load() {
        return Fxml.load(this, "HandoffsPane.fxml");
    }

    @FXML
    private void initialize() {
        column(timeColumn, h -> TIME.format(h.createdAt()));
        column(orderColumn, HandoffWords::order);
        column(targetColumn, h -> h.target().settingsValue());
        column(statusColumn, h -> h.status().name().replace('_', ' '));
        column(engineIdColumn, h -> h.engineOrderId().orElse(""));
        column(clientIdColumn, HandoffRecord::clientOrderId);
        column(detailColumn, h -> h.detail().orElse(""));
        table.setPlaceholder(new Label("No handoff today. Select a TRADE tile and press Hand off… (Ctrl+Enter)."));
        var selection = table.getSelectionModel().selectedItemProperty();
        retryButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> selection.get() == null
                || (selection.get().status() != HandoffStatus.FAILED && selection.get().status() != HandoffStatus.UNRESOLVED), selection));
        dismissButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> selection.get() == null
                || selection.get().status() != HandoffStatus.UNRESOLVED, selection));
    }

    private static void column(TableColumn<HandoffRecord, String> column, Function<HandoffRecord, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    public void activate() {
        subscription = bus.subscribe(DeskEvent.HandoffChanged.class,
                e -> fx.post("handoffs-row-" + e.handoff().clientOrderId(), () -> put(e.handoff())));
        onRefresh();
    }

    public void deactivate() {
        if (subscription != null) {
            subscription.close();
        }
    }

    private void put(HandoffRecord record) {
        rows.put(record.clientOrderId(), record);
        show();
    }

    private void show() {
        HandoffRecord selected = table.getSelectionModel().getSelectedItem();
        table.getItems().setAll(rows.values().stream().sorted(Comparator.comparing(HandoffRecord::createdAt).reversed()).toList());
        if (selected != null) {
            table.getItems().stream().filter(h -> h.clientOrderId().equals(selected.clientOrderId())).findFirst()
                    .ifPresent(h -> table.getSelectionModel().select(h));
        }
        countLabel.setText(rows.size() + (rows.size() == 1 ? " handoff today" : " handoffs today"));
    }

    @FXML
    private void onRefresh() {
        tasks.call(port::today, today -> {
            today.forEach(h -> rows.merge(h.clientOrderId(), h, (known, read) -> known.updatedAt().isAfter(read.updatedAt()) ? known : read));
            show();
        }, problem -> problems.accept("Handoffs could not be read: " + problem));
    }

    @FXML
    private void onRetry() {
        HandoffRecord selected = table.getSelectionModel().getSelectedItem();
        if (selected != null) {
            tasks.whenDone(port.retry(selected.clientOrderId()), done -> { }, problem -> problems.accept("Not resent: " + problem));
        }
    }

    @FXML
    private void onDismiss() {
        HandoffRecord selected = table.getSelectionModel().getSelectedItem();
        if (selected != null) {
            port.dismiss(selected.clientOrderId(), "checked on the engine");
        }
    }
}
