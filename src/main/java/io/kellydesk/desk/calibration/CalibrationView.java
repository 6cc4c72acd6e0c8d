package io.kellydesk.desk.calibration;

import io.kellydesk.core.CalibrationReport;
import io.kellydesk.core.ModelCalibration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The calibration view: a reliability diagram (mean predicted probability against observed win rate per 10 % bin,
 * one line per source, the diagonal for perfect calibration) and, beside it, each source's outcomes, Brier score and
 * ECE, and the bins' counts. FX thread.
 */
public final class CalibrationView {

    private final CalibrationViewModel viewModel;
    private final LineChart<Number, Number> chart;
    private final GridPane scores = new GridPane();
    private final GridPane bins = new GridPane();
    private final VBox root = new VBox(8);

    public CalibrationView(CalibrationViewModel viewModel) {
        this.viewModel = viewModel;
        NumberAxis predicted = new NumberAxis("predicted win probability, %", 0, 100, 10);
        NumberAxis observed = new NumberAxis("observed win rate, %", 0, 100, 10);
        predicted.setMinorTickCount(0);
        observed.setMinorTickCount(0);
        chart = new LineChart<>(predicted, observed);
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.getStyleClass().add("calibration-chart");
        chart.setId("calibration-chart");
        chart.setMinHeight(240);
        Label status = new Label();
        status.getStyleClass().add("calibration-status");
        status.setId("calibration-status");
        status.textProperty().bind(viewModel.statusProperty());
        status.setWrapText(true);
        scores.getStyleClass().add("calibration-scores");
        scores.setHgap(14);
        scores.setVgap(4);
        bins.getStyleClass().add("calibration-bins");
        bins.setHgap(14);
        bins.setVgap(2);
        Label binsTitle = new Label("OUTCOMES PER BIN (n · observed win rate)");
        binsTitle.getStyleClass().add("detail-section");
        Label scoresTitle = new Label("SCORES (lower is better)");
        scoresTitle.getStyleClass().add("detail-section");
        VBox side = new VBox(8, scoresTitle, scores, binsTitle, bins);
        side.setMinWidth(Region.USE_PREF_SIZE); // the scores and counts are never cut; the chart takes what is left
        HBox.setHgrow(chart, Priority.ALWAYS);
        HBox body = new HBox(12, chart, side);
        VBox.setVgrow(body, Priority.ALWAYS);
        root.getChildren().addAll(status, body);
        root.setPadding(new Insets(10, 12, 8, 12));
        root.getStyleClass().add("calibration-pane");
        viewModel.reportsProperty().addListener((obs, was, now) -> show(now));
    }

    private void show(Map<ModelCalibration.Source, CalibrationReport> reports) {
        List<XYChart.Series<Number, Number>> lines = new ArrayList<>();
        XYChart.Series<Number, Number> perfect = new XYChart.Series<>();
        perfect.setName("perfectly calibrated");
        perfect.getData().add(new XYChart.Data<>(0, 0));
        perfect.getData().add(new XYChart.Data<>(100, 100));
        lines.add(perfect);
        scores.getChildren().clear();
        bins.getChildren().clear();
        String[] head = {"Source", "Outcomes", "Brier", "ECE"};
        for (int c = 0; c < head.length; c++) {
            scores.add(header(head[c]), c, 0);
        }
        int row = 1;
        int column = 1;
        bins.add(header("Bin"), 0, 0);
        for (int b = 0; b < ModelCalibration.BINS; b++) {
            bins.add(new Label(String.format(Locale.ROOT, "%d–%d %%", b * 10, (b + 1) * 10)), 0, b + 1);
        }
        for (Map.Entry<ModelCalibration.Source, CalibrationReport> e : reports.entrySet()) {
            CalibrationReport report = e.getValue();
            XYChart.Series<Number, Number> line = new XYChart.Series<>();
            line.setName(e.getKey().words() + " (n " + report.outcomes() + ")");
            for (CalibrationReport.ReliabilityBin bin : report.bins()) {
                if (bin.count() > 0) {
                    XYChart.Data<Number, Number> point = new XYChart.Data<>(bin.meanPredicted() * 100, bin.observedRate() * 100);
                    line.getData().add(point);
                }
            }
            lines.add(line);
            scores.add(new Label(shortName(e.getKey())), 0, row);
            scores.add(new Label(Integer.toString(report.outcomes())), 1, row);
            scores.add(new Label(report.outcomes() == 0 ? "—" : String.format(Locale.ROOT, "%.4f", report.brierScore())), 2, row);
            scores.add(new Label(report.outcomes() == 0 ? "—" : String.format(Locale.ROOT, "%.1f %%", report.expectedCalibrationError() * 100)), 3, row);
            row++;
            bins.add(header(shortName(e.getKey())), column, 0);
            for (int b = 0; b < report.bins().size(); b++) {
                CalibrationReport.ReliabilityBin bin = report.bins().get(b);
                bins.add(new Label(bin.count() == 0 ? "—" : String.format(Locale.ROOT, "%d · %.0f %%", bin.count(), bin.observedRate() * 100)),
                        column, b + 1);
            }
            column++;
        }
        chart.getData().setAll(lines);
        // a point's count in its tooltip: a bin of 3 outcomes is not evidence
        for (int s = 1; s < lines.size(); s++) {
            ModelCalibration.Source source = new ArrayList<>(reports.keySet()).get(s - 1);
            List<CalibrationReport.ReliabilityBin> filled = reports.get(source).bins().stream().filter(b -> b.count() > 0).toList();
            for (int i = 0; i < lines.get(s).getData().size(); i++) {
                CalibrationReport.ReliabilityBin bin = filled.get(i);
                if (lines.get(s).getData().get(i).getNode() != null) {
                    Tooltip.install(lines.get(s).getData().get(i).getNode(), new Tooltip(String.format(Locale.ROOT,
                            "%s: %d outcomes, predicted %.1f %%, won %.1f %%", source.words(), bin.count(),
                            bin.meanPredicted() * 100, bin.observedRate() * 100)));
                }
            }
        }
    }

    private static String shortName(ModelCalibration.Source source) {
        return switch (source) {
            case LSTM -> "LSTM";
            case ENSEMBLE -> "Ensemble";
            case BLENDED_RAW -> "p_raw";
            case USED -> "p used";
        };
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("calibration-header");
        return label;
    }

    public VBox root() {
        return root;
    }

    public LineChart<Number, Number> chart() {
        return chart;
    }
}
