package io.kellydesk.desk.detail;

import io.kellydesk.engine.SymbolSnapshot;
import java.time.Instant;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import io.kellydesk.desk.fx.Fxml;
import io.kellydesk.desk.fx.Formats;

/** Controller of {@code fxml/DetailPane.fxml}: renders a {@link DetailViewModel}'s rows and curve. FX thread. */
public final class DetailView {

    private final DetailViewModel viewModel;
    private String shownSymbol;
    @FXML private ScrollPane root;
    @FXML private Label title;
    @FXML private Label orderLine;
    @FXML private GridPane predictionGrid;
    @FXML private GridPane stepGrid;
    @FXML private Label ruin;
    @FXML private LineChart<Number, Number> growthChart;
    @FXML private Label growthNote;
    @FXML private javafx.scene.control.Button handOffButton;
    @FXML private Label handoffState;
    public DetailView(DetailViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Loads the pane, shows the view model's symbol and follows it. */
    public ScrollPane load() {
        ScrollPane pane = Fxml.load(this, "DetailPane.fxml");
        render(viewModel.shownProperty().get());
        viewModel.shownProperty().addListener((obs, was, now) -> render(now));
        return pane;
    }

    private void show(SymbolSnapshot snapshot, Instant now, int fixedContracts) {
        root.setVisible(true);
        title.setText(viewModel.title(snapshot));
        orderLine.setText(viewModel.orderLine(snapshot));
        fill(predictionGrid, viewModel.predictions(snapshot, now));
        fill(stepGrid, viewModel.steps(snapshot));
        ruin.setText(viewModel.ruinStatement(snapshot).orElse(""));
        ruin.setManaged(!ruin.getText().isEmpty());
        growthChart.getData().clear();
        var curve = viewModel.growthCurve(snapshot, fixedContracts);
        growthChart.setVisible(curve.isPresent());
        growthChart.setManaged(curve.isPresent());
        if (curve.isEmpty()) {
            growthNote.setText("No positive edge: no growth curve to draw.");
            return;
        }
        var c = curve.get();
        XYChart.Series<Number, Number> g = new XYChart.Series<>();
        g.setName("g(f)");
        double min = 0;
        double max = 0;
        for (double[] point : c.points()) {
            g.getData().add(new XYChart.Data<>(point[0], point[1]));
            min = Math.min(min, point[1]);
            max = Math.max(max, point[1]);
        }
        growthChart.getData().add(g);
        double low = min;
        double high = max;
        growthChart.getData().add(marker("full Kelly " + Formats.pct(c.fullKelly()), c.fullKelly(), min, max));
        growthChart.getData().add(marker("f used " + Formats.pct(c.used()), c.used(), min, max));
        growthChart.getData().add(marker("2 × Kelly", Math.min(2 * c.fullKelly(), c.points().getLast()[0]), min, max));
        c.fixedSizeFraction().ifPresent(f -> growthChart.getData().add(marker(c.fixedContracts() + " fixed contract"
                + (c.fixedContracts() == 1 ? "" : "s") + " " + Formats.pct(f), Math.min(f, c.points().getLast()[0]), low, high)));
        c.atRisk().ifPresent(f -> growthChart.getData().add(marker("at risk " + Formats.pct(f), Math.min(f, c.points().getLast()[0]), low, high)));
        growthNote.setText("Growth peaks at full Kelly and falls below zero at " + Formats.pct(c.zeroCrossing())
                + ": betting more than that loses money in the long run whatever the win rate.");
    }

    /** Renders what the view model shows, from now on; an empty selection hides the pane. */
    private void render(DetailViewModel.Shown shown) {
        if (shown == null) {
            root.setVisible(false);
            shownSymbol = null;
            return;
        }
        // the same symbol again (a new update): the trader keeps their place in the explanation
        boolean same = shown.snapshot().symbol().equals(shownSymbol);
        double scrolledTo = root.getVvalue();
        shownSymbol = shown.snapshot().symbol();
        show(shown.snapshot(), shown.at(), DetailViewModel.DEFAULT_FIXED_CONTRACTS);
        if (same) {
            keepScrolledTo(scrolledTo);
        } else {
            root.setVvalue(0);
        }
        handOffButton.setDisable(!shown.mayHandOff());
        handoffState.setText(shown.handoffText());
    }

    /**
     * The rows are built anew, so the content's height passes through other values while CSS and layout settle, and
     * the scroll pane moves its position with it: the place is put back after the layout passes that follow.
     */
    private void keepScrolledTo(double vvalue) {
        root.setVvalue(vvalue);
        javafx.scene.Scene scene = root.getScene();
        if (scene == null) {
            return;
        }
        int[] passes = {0};
        Runnable[] restore = new Runnable[1];
        restore[0] = () -> {
            if (root.getVvalue() != vvalue) {
                root.setVvalue(vvalue);
            }
            if (++passes[0] >= 2) {
                scene.removePostLayoutPulseListener(restore[0]);
            } else {
                javafx.application.Platform.requestNextPulse();
            }
        };
        scene.addPostLayoutPulseListener(restore[0]);
    }

    @FXML
    private void onHandOff() {
        viewModel.handOff();
    }

    private static XYChart.Series<Number, Number> marker(String name, double f, double min, double max) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        s.getData().add(new XYChart.Data<>(f, min));
        s.getData().add(new XYChart.Data<>(f, max));
        return s;
    }

    /** Step and value on one line, the limit beneath in small type: readable in a narrow pane. */
    private static void fill(GridPane grid, List<DetailViewModel.Row> rows) {
        grid.getChildren().clear();
        int line = 0;
        for (DetailViewModel.Row row : rows) {
            Label step = new Label(row.step());
            step.getStyleClass().add("detail-step");
            Label value = new Label(row.value());
            value.getStyleClass().add("detail-value");
            Label limit = new Label(row.limit());
            limit.getStyleClass().add("detail-limit");
            limit.setWrapText(true);
            if (row.binding()) {
                step.getStyleClass().add("binding");
                value.getStyleClass().add("binding");
                limit.getStyleClass().add("binding");
                limit.setText(limit.getText() + "  ◀ binding");
            }
            grid.addRow(line++, step, value);
            if (!limit.getText().isEmpty()) {
                grid.add(limit, 0, line++, 2, 1);
            }
        }
    }

    public ScrollPane root() {
        return root;
    }
}
