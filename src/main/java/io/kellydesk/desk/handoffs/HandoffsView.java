package io.kellydesk.desk.handoffs;

import io.kellydesk.desk.fx.TextColumns;
import io.kellydesk.engine.DeskEvent;
import io.kellydesk.engine.EventBus;
import io.kellydesk.core.HandoffRecord;
import io.kellydesk.core.HandoffStatus;
import io.kellydesk.desk.fx.FxTasks;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
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
 * Controller of {@code fxml/HandoffsPane.fxml}: today's handoffs as the view model lists them; Retry resends a
 * failed or unresolved one with its own client order id, Dismiss closes one the engine does not hold.
 */
public final class HandoffsView {

    private final HandoffsViewModel viewModel;
    private final io.kellydesk.desk.fx.DeskTime time;
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

    public HandoffsView(HandoffsViewModel viewModel, io.kellydesk.desk.fx.DeskTime time) {
        this.viewModel = viewModel;
        this.time = time;
    }

    public Parent load() {
        return Fxml.load(this, "HandoffsPane.fxml");
    }

    @FXML
    private void initialize() {
        column(timeColumn, h -> time.time(h.createdAt()));
        timeColumn.textProperty().bind(time.header("Time"));
        time.zoneProperty().addListener((obs, was, now) -> table.refresh());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setTableMenuButtonVisible(true);
        column(orderColumn, HandoffWords::order);
        column(targetColumn, h -> h.target().settingsValue());
        column(statusColumn, h -> h.status().name().replace('_', ' '));
        column(engineIdColumn, h -> h.engineOrderId().orElse(""));
        column(clientIdColumn, HandoffRecord::clientOrderId);
        column(detailColumn, h -> h.detail().orElse(""));
        table.setPlaceholder(new Label("No handoff today. Select a TRADE tile and press Hand off… (Ctrl+Enter)."));
        countLabel.textProperty().bind(viewModel.countProperty());
        viewModel.rows().addListener((javafx.collections.ListChangeListener<HandoffRecord>) change -> show());
        var selection = table.getSelectionModel().selectedItemProperty();
        retryButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !HandoffsViewModel.mayRetry(selection.get()), selection));
        dismissButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !HandoffsViewModel.mayDismiss(selection.get()), selection));
    }

    private static void column(TableColumn<HandoffRecord, String> column, Function<HandoffRecord, String> value) {
        TextColumns.show(column, value);
    }

    /** The rows again, keeping the selected handoff selected. */
    private void show() {
        HandoffRecord selected = table.getSelectionModel().getSelectedItem();
        table.getItems().setAll(viewModel.rows());
        if (selected != null) {
            table.getItems().stream().filter(h -> h.clientOrderId().equals(selected.clientOrderId())).findFirst()
                    .ifPresent(h -> table.getSelectionModel().select(h));
        }
    }

    @FXML
    private void onRefresh() {
        viewModel.refresh();
    }

    @FXML
    private void onRetry() {
        viewModel.retry(table.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void onDismiss() {
        viewModel.dismiss(table.getSelectionModel().getSelectedItem());
    }
}
