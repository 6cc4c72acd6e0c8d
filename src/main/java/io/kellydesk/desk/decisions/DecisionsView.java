package io.kellydesk.desk.decisions;

import io.kellydesk.desk.fx.TextColumns;
import io.kellydesk.core.LoggedDecision;
import io.kellydesk.core.ReasonCode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import io.kellydesk.desk.fx.Fxml;
import io.kellydesk.desk.fx.DeskTime;

/**
 * Controller of {@code fxml/DecisionsPane.fxml}: binds the filters, the table and the count to the view model. The
 * table is virtualised, so 100,000 rows scroll smoothly.
 */
public final class DecisionsView {

    private final DecisionsViewModel viewModel;
    private final DeskTime time;
    @FXML private VBox root;
    @FXML private ComboBox<String> symbolFilter;
    @FXML private ComboBox<String> statusFilter;
    @FXML private ComboBox<String> reasonFilter;
    @FXML private ComboBox<DecisionsViewModel.Period> periodFilter;
    @FXML private Button refreshButton;
    @FXML private Button exportButton;
    @FXML private Label countLabel;
    @FXML private TableView<LoggedDecision> table;
    @FXML private TableColumn<LoggedDecision, String> timeColumn;
    @FXML private TableColumn<LoggedDecision, String> symbolColumn;
    @FXML private TableColumn<LoggedDecision, String> statusColumn;
    @FXML private TableColumn<LoggedDecision, String> directionColumn;
    @FXML private TableColumn<LoggedDecision, String> contractsColumn;
    @FXML private TableColumn<LoggedDecision, String> pColumn;
    @FXML private TableColumn<LoggedDecision, String> fColumn;
    @FXML private TableColumn<LoggedDecision, String> riskColumn;
    @FXML private TableColumn<LoggedDecision, String> reasonColumn;
    @FXML private TableColumn<LoggedDecision, String> heldColumn;
    @FXML private TableColumn<LoggedDecision, String> orderColumn;

    public DecisionsView(DecisionsViewModel viewModel, DeskTime time) {
        this.viewModel = viewModel;
        this.time = time;
    }

    public VBox load() {
        return Fxml.load(this, "DecisionsPane.fxml");
    }

    @FXML
    private void initialize() {
        column(timeColumn, d -> time.dateTime(d.decidedAt()));
        timeColumn.textProperty().bind(time.header("Time"));
        time.zoneProperty().addListener((obs, was, now) -> table.refresh());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        column(heldColumn, d -> d.heldContracts() == null ? "—" : signed(d.heldContracts()));
        column(orderColumn, d -> d.orderContracts() == null || d.orderContracts() == 0 ? "—"
                : (d.orderContracts() > 0 ? "buy " : "sell ") + Math.abs(d.orderContracts()));
        column(symbolColumn, LoggedDecision::symbol);
        column(statusColumn, d -> d.status().replace('_', ' '));
        column(directionColumn, d -> d.direction().equals("NEUTRAL") ? "none" : d.direction().toLowerCase(Locale.ROOT));
        column(contractsColumn, d -> d.status().equals("TRADE") ? Integer.toString(d.contracts()) : "—");
        column(pColumn, d -> d.pWin() == null ? "—" : String.format(Locale.ROOT, "%.1f %%", d.pWin() * 100));
        column(fColumn, d -> d.fUsed() == null ? "—" : String.format(Locale.ROOT, "%.1f %%", d.fUsed() * 100));
        column(riskColumn, d -> d.status().equals("TRADE") ? String.format(Locale.ROOT, "%,.0f", d.capitalAtRisk()) : "—");
        TextColumns.showWithTooltip(reasonColumn, d -> d.reason().equals("NONE") ? "" : ReasonCode.valueOf(d.reason()).words()
                + (d.reasonDetail().isBlank() ? "" : " (" + d.reasonDetail() + ")"));
        table.setPlaceholder(new Label("No decision matches the filters."));
        table.setItems(viewModel.rows());
        countLabel.textProperty().bind(viewModel.countProperty());
        statusFilter.getItems().setAll(DecisionsViewModel.ALL, "TRADE", "NO_TRADE");
        reasonFilter.getItems().setAll(DecisionsViewModel.ALL);
        reasonFilter.getItems().addAll(Arrays.stream(ReasonCode.values()).filter(r -> r != ReasonCode.NONE).map(Enum::name).toList());
        symbolFilter.setItems(viewModel.symbols());
        periodFilter.getItems().setAll(DecisionsViewModel.Period.values());
        symbolFilter.valueProperty().bindBidirectional(viewModel.symbolProperty());
        statusFilter.valueProperty().bindBidirectional(viewModel.statusProperty());
        reasonFilter.valueProperty().bindBidirectional(viewModel.reasonProperty());
        periodFilter.valueProperty().bindBidirectional(viewModel.periodProperty());
        table.setRowFactory(t -> {
            TableRow<LoggedDecision> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.details(row.getItem(), record -> showDetails(row.getItem(), record));
                }
            });
            return row;
        });
    }

    private static String signed(int contracts) {
        return contracts > 0 ? "+" + contracts : Integer.toString(contracts);
    }

    private static void column(TableColumn<LoggedDecision, String> column, Function<LoggedDecision, String> text) {
        TextColumns.show(column, text);
    }

    @FXML
    private void onRefresh() {
        viewModel.refresh();
    }

    @FXML
    private void onExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export decisions as CSV");
        chooser.setInitialFileName("kelly-desk-decisions.csv");
        java.io.File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            exportTo(file.toPath());
        }
    }

    /** Writes the rows now listed (the filtered view) to {@code file} in the background. */
    public CompletableFuture<Void> exportTo(Path file) {
        return viewModel.exportTo(file);
    }

    /** Opens the full record of one decision in words (a read-only property sheet by step), non-modal. */
    private void showDetails(LoggedDecision decision, Map<String, Object> details) {
        org.controlsfx.control.PropertySheet sheet = new org.controlsfx.control.PropertySheet();
        sheet.setMode(org.controlsfx.control.PropertySheet.Mode.CATEGORY);
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(true);
        sheet.getStyleClass().add("decision-details");
        for (DecisionRecord.Line line : DecisionRecord.lines(details, time::dateTime)) {
            sheet.getItems().add(new ReadOnlyItem(line));
        }
        Stage stage = new Stage();
        stage.initOwner(root.getScene().getWindow());
        stage.setTitle("Decision " + decision.id() + " · " + decision.symbol() + " · " + time.dateTime(decision.decidedAt())
                + " " + time.zoneName());
        javafx.scene.Scene scene = new javafx.scene.Scene(sheet, 720, 700);
        scene.getStylesheets().setAll(root.getScene().getStylesheets());
        stage.setScene(scene);
        stage.show();
        details(stage);
    }

    private Stage detailsWindow;

    private void details(Stage shown) {
        detailsWindow = shown;
    }

    /** The last record window opened (tests look at it). */
    public java.util.Optional<Stage> detailsWindow() {
        return java.util.Optional.ofNullable(detailsWindow);
    }

    /** A record's line as a property-sheet item that cannot be edited. */
    private record ReadOnlyItem(DecisionRecord.Line line) implements org.controlsfx.control.PropertySheet.Item {
        @Override
        public Class<?> getType() {
            return String.class;
        }

        @Override
        public String getCategory() {
            return line.group();
        }

        @Override
        public String getName() {
            return line.label();
        }

        @Override
        public String getDescription() {
            return line.text();
        }

        @Override
        public Object getValue() {
            return line.text();
        }

        @Override
        public void setValue(Object value) {
            // read-only: the log is never edited from the desk
        }

        @Override
        public java.util.Optional<javafx.beans.value.ObservableValue<? extends Object>> getObservableValue() {
            return java.util.Optional.empty();
        }

        @Override
        public boolean isEditable() {
            return false;
        }
    }

    public TableView<LoggedDecision> table() {
        return table;
    }

    public VBox root() {
        return root;
    }
}
