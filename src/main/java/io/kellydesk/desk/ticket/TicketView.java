package io.kellydesk.desk.ticket;

import io.kellydesk.core.OrderSide;
import io.kellydesk.core.OrderType;
import io.kellydesk.core.TimeInForce;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import io.kellydesk.desk.fx.Fxml;
import io.kellydesk.desk.fx.Formats;

/** Controller of {@code fxml/Ticket.fxml}: a compact, non-modal ticket window bound to a {@link TicketViewModel}. */
public final class TicketView {

    private final TicketViewModel viewModel;
    private Stage stage;
    @FXML private Parent root;
    @FXML private Label sideLabel;
    @FXML private Label symbolLabel;
    @FXML private Spinner<Integer> quantity;
    @FXML private Label quantityLimit;
    @FXML private ComboBox<OrderType> orderType;
    @FXML private TextField limitPrice;
    @FXML private Label limitLabel;
    @FXML private ComboBox<TimeInForce> timeInForce;
    @FXML private Label capitalAtRisk;
    @FXML private Label kelly;
    @FXML private Label ruin;
    @FXML private Label target;
    @FXML private Label positionLabel;
    @FXML private Label orderLabel;
    @FXML private Label statusLabel;
    @FXML private Label marketLabel;
    @FXML private Button sendButton;
    @FXML private Button closeButton;

    public TicketView(TicketViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel);
    }

    public Stage open(Window owner, List<String> stylesheets) {
        Parent content = Fxml.load(this, "Ticket.fxml");
        stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Hand off " + viewModel.base().symbol());
        Scene scene = new Scene(content);
        scene.getStylesheets().setAll(stylesheets);
        stage.setScene(scene);
        stage.setResizable(false);
        stage.show();
        return stage;
    }

    @FXML
    private void initialize() {
        var t = viewModel.base();
        sideLabel.setText(t.side() == OrderSide.BUY ? "▲ BUY" : "▼ SELL");
        sideLabel.getStyleClass().add(t.side() == OrderSide.BUY ? "long" : "short");
        symbolLabel.setText(t.symbol());
        // 1 … the recommendation: the spinner cannot go above it, and a typed larger number commits as the maximum
        var factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, t.recommendedContracts(), t.quantityContracts());
        quantity.setValueFactory(factory);
        factory.valueProperty().addListener((obs, was, now) -> viewModel.quantityProperty().set(now == null ? 1 : now));
        quantity.getEditor().textProperty().addListener((obs, was, now) -> {
            try {
                int typed = Integer.parseInt(now.trim());
                if (typed > t.recommendedContracts() || typed < 1) {
                    quantity.getEditor().setText(Integer.toString(Math.max(1, Math.min(typed, t.recommendedContracts()))));
                }
            } catch (NumberFormatException ignored) {
                // committed (or reverted) by the spinner on Enter or focus loss
            }
        });
        quantityLimit.setText("contracts · at most " + t.recommendedContracts() + " (the order on offer)");
        orderType.getItems().setAll(OrderType.values());
        orderType.valueProperty().bindBidirectional(viewModel.typeProperty());
        limitPrice.textProperty().bindBidirectional(viewModel.limitTextProperty());
        limitPrice.visibleProperty().bind(viewModel.typeProperty().isEqualTo(OrderType.LIMIT));
        limitPrice.managedProperty().bind(limitPrice.visibleProperty());
        limitLabel.visibleProperty().bind(limitPrice.visibleProperty());
        limitLabel.managedProperty().bind(limitPrice.visibleProperty());
        timeInForce.getItems().setAll(TimeInForce.values());
        timeInForce.valueProperty().bindBidirectional(viewModel.timeInForceProperty());
        capitalAtRisk.textProperty().bind(viewModel.capitalAtRiskBinding());
        positionLabel.setText(viewModel.positionWords());
        orderLabel.setText(viewModel.orderWords());
        kelly.setText(t.kellyFraction() > 0 ? "f " + Formats.pct(t.kellyFraction()) + " · at risk " + Formats.pct(t.fractionAtRiskOfEquity())
                + " of equity · p " + Formats.pct(t.winProbability()) + " · models " + Formats.pct(t.mlConfidence())
                + (t.riskAdjusted() ? " · reduced by a limit" : "") : "— (a reduction to the position cap)");
        ruin.setText(t.ruinProbability30().isPresent() ? "P(ever −30 %) ≈ " + Formats.pct(t.ruinProbability30().getAsDouble()) : "—");
        target.setText(viewModel.targetWords());
        marketLabel.setText(viewModel.marketWords());
        statusLabel.textProperty().bind(viewModel.statusProperty());
        viewModel.statusStyleProperty().addListener((obs, was, now) -> {
            statusLabel.getStyleClass().removeAll("ok", "error", "progress");
            if (now != null && !now.isEmpty()) {
                statusLabel.getStyleClass().add(now);
            }
        });
        sendButton.textProperty().bind(viewModel.sendTextProperty());
        // Disabled the moment it is clicked (same event), so a double click cannot send twice.
        sendButton.disableProperty().bind(Bindings.or(viewModel.sendingProperty(), viewModel.spentProperty()));
        // Nothing is edited once sent, or when only the earlier order may go again with its id.
        var locked = sendButton.disableProperty().or(viewModel.retryOnlyProperty());
        quantity.disableProperty().bind(locked);
        orderType.disableProperty().bind(locked);
        limitPrice.disableProperty().bind(locked);
        timeInForce.disableProperty().bind(locked);
    }

    @FXML
    private void onSend() {
        quantity.commitValue(); // a typed quantity, clamped to 1 … the recommendation
        viewModel.send();
    }

    @FXML
    private void onClose() {
        stage.hide();
    }

    public Stage stage() {
        return stage;
    }

    public TicketViewModel viewModel() {
        return viewModel;
    }
}
