package io.kellydesk.desk.table;

import io.kellydesk.core.TableLayout;
import io.kellydesk.engine.SymbolStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * A compact, sortable table of symbols (one {@link SymbolRow} each) with a column chooser (the header's "+"), its
 * columns, their order and the sort kept in a {@link TableLayout}. A row's status colours its left edge and its
 * status cell; words say it too. FX thread.
 */
public final class SymbolTableView {

    private static final PseudoClass TRADE = PseudoClass.getPseudoClass("trade");
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    private static final PseudoClass EMERGENCY = PseudoClass.getPseudoClass("emergency");

    private final TableView<SymbolRow> table = new TableView<>();
    private final Map<String, TableColumn<SymbolRow, SymbolRow>> byId = new LinkedHashMap<>();
    private final SymbolRowsViewModel viewModel;
    private boolean selecting;

    /**
     * @param id       the table's id (its node's, and its layout's)
     * @param changed  told the layout whenever the trader moves, hides or sorts a column
     */
    public SymbolTableView(String id, SymbolRowsViewModel viewModel, List<SymbolColumn> columns, TableLayout layout,
                           Consumer<TableLayout> changed) {
        this.viewModel = viewModel;
        table.setId(id);
        table.getStyleClass().add("symbol-table");
        table.setTableMenuButtonVisible(true);
        table.setFixedCellSize(26);
        table.setPlaceholder(new Label("No symbol matches the filter."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        for (SymbolColumn spec : columns) {
            TableColumn<SymbolRow, SymbolRow> column = new TableColumn<>(spec.title());
            column.setId(spec.id());
            column.setPrefWidth(spec.width());
            column.setMinWidth(spec.width()); // never narrower than its widest value: the table scrolls sideways instead
            // the cell's value is the row itself, so the column sorts by the value behind the text (5 after 10 is wrong)
            column.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyObjectWrapper<>(cell.getValue()));
            column.setCellFactory(c -> new StatusCell(spec));
            column.setComparator(spec.order().thenComparing(SymbolRow::symbol));
            column.setVisible(spec.shownByDefault());
            byId.put(spec.id(), column);
        }
        table.getColumns().setAll(byId.values());
        apply(layout);
        SortedList<SymbolRow> sorted = new SortedList<>(viewModel.shown());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(SymbolRow row, boolean empty) {
                super.updateItem(row, empty);
                SymbolStatus.Kind kind = empty || row == null ? null : row.status().kind();
                pseudoClassStateChanged(TRADE, kind == SymbolStatus.Kind.TRADE);
                pseudoClassStateChanged(STALE, kind == SymbolStatus.Kind.STALE);
                pseudoClassStateChanged(EMERGENCY, kind == SymbolStatus.Kind.EMERGENCY);
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null && !selecting) {
                viewModel.select(now.symbol());
            }
        });
        Runnable report = () -> changed.accept(layout());
        table.getColumns().addListener((ListChangeListener<TableColumn<SymbolRow, ?>>) c -> report.run());
        table.getSortOrder().addListener((ListChangeListener<TableColumn<SymbolRow, ?>>) c -> report.run());
        byId.values().forEach(c -> {
            c.visibleProperty().addListener(o -> report.run());
            c.sortTypeProperty().addListener(o -> report.run());
        });
    }

    /** A cell in the column's words; the status cell takes its colour from the row's status (and says it). */
    private static final class StatusCell extends javafx.scene.control.TableCell<SymbolRow, SymbolRow> {
        private final SymbolColumn spec;

        StatusCell(SymbolColumn spec) {
            this.spec = spec;
            if (spec.id().equals("status")) {
                getStyleClass().add("status-cell");
            }
        }

        @Override
        protected void updateItem(SymbolRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(empty || row == null ? null : spec.text().apply(row));
        }
    }

    private void apply(TableLayout layout) {
        if (!layout.columns().isEmpty()) {
            List<TableColumn<SymbolRow, SymbolRow>> ordered = new ArrayList<>();
            layout.columns().stream().map(byId::get).filter(java.util.Objects::nonNull).forEach(ordered::add);
            byId.values().stream().filter(c -> !ordered.contains(c)).forEach(ordered::add); // a column new since then
            table.getColumns().setAll(ordered);
            byId.forEach((id, c) -> c.setVisible(!layout.hidden().contains(id)));
        }
        TableColumn<SymbolRow, SymbolRow> sortBy = byId.get(layout.sortColumn());
        if (sortBy != null) {
            sortBy.setSortType(layout.ascending() ? TableColumn.SortType.ASCENDING : TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(sortBy));
        }
    }

    /** The layout as the trader has it now. */
    public TableLayout layout() {
        List<String> order = table.getColumns().stream().map(TableColumn::getId).toList();
        List<String> hidden = table.getColumns().stream().filter(c -> !c.isVisible()).map(TableColumn::getId).toList();
        TableColumn<SymbolRow, ?> sort = table.getSortOrder().isEmpty() ? null : table.getSortOrder().getFirst();
        return new TableLayout(order, hidden, sort == null ? "" : sort.getId(),
                sort == null || sort.getSortType() == TableColumn.SortType.ASCENDING);
    }

    /** Selects the symbol's row (the tile selection moved), without telling the selection back. */
    public void select(String symbol) {
        selecting = true;
        try {
            table.getItems().stream().filter(r -> r.symbol().equals(symbol)).findFirst().ifPresentOrElse(
                    r -> table.getSelectionModel().select(r), () -> table.getSelectionModel().clearSelection());
        } finally {
            selecting = false;
        }
    }

    public TableView<SymbolRow> table() {
        return table;
    }

    public TableColumn<SymbolRow, SymbolRow> column(String id) {
        return byId.get(id);
    }

    public SymbolRowsViewModel viewModel() {
        return viewModel;
    }
}
