package io.kellydesk.desk.decisions;

import io.kellydesk.core.LoggedDecision;
import io.kellydesk.core.ReasonCode;
import io.kellydesk.desk.fx.FxTasks;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import io.kellydesk.engine.DecisionBrowser;
import io.kellydesk.desk.fx.Fxml;

/**
 * Controller of {@code fxml/DecisionsPane.fxml}. Reads run on the background executor, one at a time; their
 * result replaces the table's items in one FX update. The table is virtualised, so 100,000 rows scroll smoothly.
 */
public final class DecisionsView {

    /** At most this many rows are listed; filters narrow the view further. */
    public static final int LIMIT = 100_000;
    private static final String ALL = "All";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final DecisionBrowser browser;
    private final FxTasks tasks;
    private final Clock clock;
    private final Consumer<String> problems;
    private boolean loading;
    @FXML private VBox root;
    @FXML private ComboBox<String> symbolFilter;
    @FXML private ComboBox<String> statusFilter;
    @FXML private ComboBox<String> reasonFilter;
    @FXML private ComboBox<Period> periodFilter;
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

    /** The time filter, in words. */
    public enum Period {
        HOUR("Last hour", Duration.ofHours(1)), DAY("Last 24 hours", Duration.ofDays(1)), WEEK("Last 7 days", Duration.ofDays(7)),
        MONTH("Last 30 days", Duration.ofDays(30)), ALL_TIME("All time", null);

        private final String words;
        private final Duration span;

        Period(String words, Duration span) {
            this.words = words;
            this.span = span;
        }

        @Override
        public String toString() {
            return words;
        }
    }

    /** @param problems where a failed read or export is reported (the banner) */
    public DecisionsView(DecisionBrowser browser, FxTasks tasks, Clock clock, Consumer<String> problems) {
        this.browser = browser;
        this.tasks = tasks;
        this.clock = clock;
        this.problems = problems;
    }

    public VBox load() {
        return Fxml.load(this, "DecisionsPane.fxml");
    }

    @FXML
    private void initialize() {
        column(timeColumn, d -> TIME.format(d.decidedAt()));
        column(symbolColumn, LoggedDecision::symbol);
        column(statusColumn, d -> d.status().replace('_', ' '));
        column(directionColumn, d -> d.direction().equals("NEUTRAL") ? "none" : d.direction().toLowerCase(Locale.ROOT));
        column(contractsColumn, d -> d.status().equals("TRADE") ? Integer.toString(d.contracts()) : "—");
        column(pColumn, d -> d.pWin() == null ? "—" : String.format(Locale.ROOT, "%.1f %%", d.pWin() * 100));
        column(fColumn, d -> d.fUsed() == null ? "—" : String.format(Locale.ROOT, "%.1f %%", d.fUsed() * 100));
        column(riskColumn, d -> d.status().equals("TRADE") ? String.format(Locale.ROOT, "%,.0f", d.capitalAtRisk()) : "—");
        column(reasonColumn, d -> d.reason().equals("NONE") ? "" : ReasonCode.valueOf(d.reason()).words()
                + (d.reasonDetail().isBlank() ? "" : " (" + d.reasonDetail() + ")"));
        table.setPlaceholder(new Label("No decision matches the filters."));
        statusFilter.getItems().setAll(ALL, "TRADE", "NO_TRADE");
        reasonFilter.getItems().setAll(ALL);
        reasonFilter.getItems().addAll(Arrays.stream(ReasonCode.values()).filter(r -> r != ReasonCode.NONE).map(Enum::name).toList());
        symbolFilter.getItems().setAll(ALL);
        periodFilter.getItems().setAll(Period.values());
        periodFilter.setValue(Period.DAY);
        for (ComboBox<?> filter : List.of(symbolFilter, statusFilter, reasonFilter, periodFilter)) {
            filter.valueProperty().addListener((obs, was, now) -> refresh());
        }
        table.setRowFactory(t -> {
            TableRow<LoggedDecision> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    showDetails(row.getItem());
                }
            });
            return row;
        });
    }

    private static void column(TableColumn<LoggedDecision, String> column, Function<LoggedDecision, String> text) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
    }

    /** Symbols offered in the filter (from the engine's active list). FX thread. */
    public void offerSymbols(List<String> symbols) {
        String chosen = symbolFilter.getValue();
        symbolFilter.getItems().setAll(ALL);
        symbolFilter.getItems().addAll(symbols);
        symbolFilter.setValue(chosen);
    }

    /** Reloads with the current filters, unless a load is already running. FX thread. */
    public void refresh() {
        if (loading) {
            return;
        }
        DecisionBrowser.Filter filter = filter();
        loading = true;
        tasks.call(() -> browser.find(filter, LIMIT), rows -> {
            loading = false;
            table.getItems().setAll(rows);
            countLabel.setText(String.format(Locale.ROOT, "%,d decision%s%s", rows.size(), rows.size() == 1 ? "" : "s",
                    rows.size() == LIMIT ? " (the newest " + LIMIT + ")" : ""));
        }, problem -> {
            loading = false;
            problems.accept("Cannot list decisions: " + problem);
        });
    }

    DecisionBrowser.Filter filter() {
        Period period = periodFilter.getValue() == null ? Period.DAY : periodFilter.getValue();
        Instant from = period.span == null ? null : clock.instant().minus(period.span);
        return new DecisionBrowser.Filter(chosen(symbolFilter), chosen(statusFilter), chosen(reasonFilter), from);
    }

    private static String chosen(ComboBox<String> box) {
        return box.getValue() == null || box.getValue().equals(ALL) ? null : box.getValue();
    }

    @FXML
    private void onRefresh() {
        refresh();
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
        List<LoggedDecision> rows = List.copyOf(table.getItems());
        return tasks.run(() -> browser.exportCsv(rows, file),
                () -> countLabel.setText(String.format(Locale.ROOT, "%,d exported to %s", rows.size(), file.getFileName())),
                problem -> problems.accept("Cannot export decisions to " + file + ": " + problem));
    }

    /** Opens the full record of one decision, inputs included, in a window of its own (non-modal). */
    void showDetails(LoggedDecision decision) {
        tasks.call(() -> browser.details(decision.id()), details -> {
            if (details.isEmpty()) {
                problems.accept("Cannot read decision " + decision.id());
                return;
            }
            StringBuilder text = new StringBuilder();
            for (Map.Entry<String, Object> column : details.get().entrySet()) {
                text.append(column.getKey()).append(": ").append(column.getValue() == null ? "—" : column.getValue()).append('\n');
            }
            TextArea area = new TextArea(text.toString());
            area.setEditable(false);
            area.setWrapText(true);
            area.getStyleClass().add("decision-details");
            Stage stage = new Stage();
            stage.initOwner(root.getScene().getWindow());
            stage.setTitle("Decision " + decision.id() + " · " + decision.symbol() + " · " + TIME.format(decision.decidedAt()) + " UTC");
            javafx.scene.Scene scene = new javafx.scene.Scene(area, 720, 640);
            scene.getStylesheets().setAll(root.getScene().getStylesheets());
            stage.setScene(scene);
            stage.show();
        }, problem -> problems.accept("Cannot read decision " + decision.id() + ": " + problem));
    }

    public TableView<LoggedDecision> table() {
        return table;
    }

    public VBox root() {
        return root;
    }
}
