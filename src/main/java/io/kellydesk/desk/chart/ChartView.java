package io.kellydesk.desk.chart;

import io.kellydesk.core.KellyReplay;
import java.util.List;
import java.util.Locale;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import io.kellydesk.desk.fx.Fxml;

/**
 * Controller of {@code fxml/ChartPane.fxml}: binds the scope and the fixed size to the view model and draws each
 * replay it publishes (the desk's fraction of Kelly, half that, N fixed contracts).
 */
public final class ChartView {

    private final ChartViewModel viewModel;
    @FXML private VBox root;
    @FXML private ComboBox<String> scope;
    @FXML private Spinner<Integer> fixedContracts;
    @FXML private Label status;
    @FXML private LineChart<Number, Number> chart;
    @FXML private Label note;
    @FXML private Label kellyLegend;
    @FXML private Label halfLegend;
    @FXML private Label fixedLegend;
    @FXML private javafx.scene.chart.NumberAxis tradeAxis;
    @FXML private javafx.scene.chart.NumberAxis equityAxis;

    public ChartView(ChartViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public VBox load() {
        return Fxml.load(this, "ChartPane.fxml");
    }

    @FXML
    private void initialize() {
        scope.getItems().setAll(ChartViewModel.SELECTED, ChartViewModel.WHOLE_DESK);
        scope.valueProperty().bindBidirectional(viewModel.scopeProperty());
        fixedContracts.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 50, viewModel.fixedContractsProperty().get()));
        fixedContracts.getValueFactory().valueProperty().bindBidirectional(viewModel.fixedContractsProperty());
        status.textProperty().bind(viewModel.statusProperty());
        note.setText("Select a tile or choose the whole desk: its closed trades are replayed here.");
        viewModel.replayProperty().addListener((obs, was, now) -> show(now));
        tradeAxis.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number trade) {
                return Long.toString(Math.round(trade.doubleValue()));
            }

            @Override
            public Number fromString(String text) {
                return Long.parseLong(text);
            }
        });
        equityAxis.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number equity) {
                return io.kellydesk.desk.fx.Formats.money(equity.doubleValue());
            }

            @Override
            public Number fromString(String text) {
                return Double.parseDouble(text.replace(",", ""));
            }
        });
    }

    private void show(ChartViewModel.Replay replay) {
        if (replay == null) {
            chart.getData().clear();
            return;
        }
        KellyReplay.Result result = replay.result();
        List<XYChart.Series<Number, Number>> lines = List.of(series(result.kelly()), series(result.halfKelly()), series(result.fixed()));
        chart.getData().setAll(lines);
        int trades = result.trades().size();
        tradeAxis.setUpperBound(Math.max(1, trades));
        tradeAxis.setTickUnit(ChartViewModel.tradeTick(trades));
        equityAxis.setLabel("equity" + (replay.currency().isBlank() ? "" : ", " + replay.currency()));
        kellyLegend.setText("━ " + lines.get(0).getName());
        halfLegend.setText("━ " + lines.get(1).getName());
        fixedLegend.setText("┅ " + lines.get(2).getName());
        note.setText(ChartViewModel.summary(replay));
        Tooltip method = new Tooltip(ChartViewModel.method(replay));
        method.setWrapText(true);
        method.setMaxWidth(640);
        note.setTooltip(method);
    }

    private static XYChart.Series<Number, Number> series(KellyReplay.Leg leg) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(String.format(Locale.ROOT, "%s: %,.0f · max drawdown %.1f %% · log growth %.5f per trade", leg.name(),
                leg.finalEquity(), leg.maxDrawdownFraction() * 100, leg.meanLogGrowthPerTrade()));
        double[] equity = leg.equity();
        for (int i = 0; i < equity.length; i++) {
            series.getData().add(new XYChart.Data<>(i, equity[i]));
        }
        return series;
    }

    public LineChart<Number, Number> chart() {
        return chart;
    }

    public VBox root() {
        return root;
    }
}
