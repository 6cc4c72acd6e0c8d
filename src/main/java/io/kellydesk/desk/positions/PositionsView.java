package io.kellydesk.desk.positions;

import io.kellydesk.core.TableLayout;
import io.kellydesk.desk.table.SymbolColumn;
import io.kellydesk.desk.table.SymbolRow;
import io.kellydesk.desk.table.SymbolTableView;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The positions panel: the portfolio's open risk against its limit as a bar and in words, then one line per symbol
 * with what is held and working, the target, the order on offer, and its capital at risk against its cap. FX thread.
 */
public final class PositionsView {

    private final PositionsViewModel viewModel;
    private final SymbolTableView table;
    private final VBox root = new VBox(8);

    public PositionsView(PositionsViewModel viewModel, TableLayout layout, Consumer<TableLayout> changed) {
        this.viewModel = viewModel;
        this.table = new SymbolTableView("positions-table", viewModel.rows(), columns(), layout, changed);
        Label risk = new Label();
        risk.setId("portfolio-risk");
        risk.getStyleClass().add("positions-risk");
        risk.textProperty().bind(viewModel.riskTextProperty());
        risk.setMinWidth(0);
        risk.setWrapText(true);
        ProgressBar bar = new ProgressBar();
        bar.setId("portfolio-risk-bar");
        bar.getStyleClass().add("risk-bar");
        bar.setPrefWidth(180);
        bar.setMinWidth(120);
        bar.progressProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> viewModel.usedOfLimitProperty().get() < 0 ? ProgressBar.INDETERMINATE_PROGRESS
                        : Math.min(1, viewModel.usedOfLimitProperty().get()), viewModel.usedOfLimitProperty()));
        viewModel.usedOfLimitProperty().addListener((obs, was, now) ->
                bar.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("over"), now.doubleValue() >= 0.9));
        Label totals = new Label();
        totals.getStyleClass().add("positions-totals");
        totals.textProperty().bind(viewModel.totalsTextProperty());
        HBox.setHgrow(risk, Priority.ALWAYS);
        HBox head = new HBox(12, bar, risk);
        head.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().addAll(head, totals, table.table());
        VBox.setVgrow(table.table(), Priority.ALWAYS);
        root.setPadding(new Insets(10, 12, 8, 12));
        root.getStyleClass().add("positions-pane");
        viewModel.recompute();
    }

    /** Held, working, target and order in signed contracts (+ long / buy); risk against the symbol's caps. */
    static List<SymbolColumn> columns() {
        List<SymbolColumn> table = SymbolColumn.table();
        java.util.Map<String, SymbolColumn> byId = new java.util.LinkedHashMap<>();
        table.forEach(c -> byId.put(c.id(), c));
        return List.of(byId.get("symbol"), byId.get("held"), byId.get("working"), byId.get("target"), byId.get("order"),
                new SymbolColumn("exposure", "After / cap", 96,
                        r -> r.exposureAfterOrderContracts() + " / " + r.positionCapContracts(),
                        Comparator.comparingDouble(r -> (double) r.exposureAfterOrderContracts() / Math.max(1, r.positionCapContracts())), true),
                byId.get("capital_at_risk"), byId.get("f_at_risk"),
                new SymbolColumn("status", "Status", 100, r -> r.status().kind().name().replace('_', ' '),
                        Comparator.comparing(r -> r.status().kind()), true),
                new SymbolColumn("why", "Order in words", 240, r -> io.kellydesk.engine.PositionWords.orderLine(r.snapshot().recommendation()),
                        Comparator.comparing(SymbolRow::symbol), true));
    }

    public VBox root() {
        return root;
    }

    public SymbolTableView table() {
        return table;
    }

}
