package io.kellydesk.desk.chart;

import io.kellydesk.core.Account;
import io.kellydesk.core.ClosedTrade;
import io.kellydesk.core.KellyReplay;
import io.kellydesk.core.SizingSettings;
import io.kellydesk.engine.DeskEngine;
import io.kellydesk.desk.fx.FxTasks;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.VBox;
import io.kellydesk.desk.fx.Fxml;
import io.kellydesk.desk.fx.Formats;

/**
 * Controller of {@code fxml/ChartPane.fxml}: replays the closed trades of the selected symbol (or the whole desk)
 * under the desk's walk-forward Kelly sizing, half of it, and N fixed contracts. The replay runs in the
 * background; the chart is redrawn once with its result.
 */
public final class ChartView {

    static final String WHOLE_DESK = "Whole desk";
    static final String SELECTED = "Selected symbol";

    private final DeskEngine engine;
    private final FxTasks tasks;
    private final Clock clock;
    private String selectedSymbol;
    @FXML private VBox root;
    @FXML private ComboBox<String> scope;
    @FXML private Spinner<Integer> fixedContracts;
    @FXML private Label status;
    @FXML private LineChart<Number, Number> chart;
    @FXML private Label note;
    @FXML private Label kellyLegend;
    @FXML private Label halfLegend;
    @FXML private Label fixedLegend;

    public ChartView(DeskEngine engine, FxTasks tasks, Clock clock) {
        this.engine = engine;
        this.tasks = tasks;
        this.clock = clock;
    }

    public VBox load() {
        return Fxml.load(this, "ChartPane.fxml");
    }

    @FXML
    private void initialize() {
        scope.getItems().setAll(SELECTED, WHOLE_DESK);
        scope.setValue(WHOLE_DESK);
        fixedContracts.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 50, 1));
        scope.valueProperty().addListener((obs, was, now) -> redraw());
        fixedContracts.valueProperty().addListener((obs, was, now) -> redraw());
        note.setText("Select a tile or choose the whole desk: its closed trades are replayed here.");
    }

    /** Follows the tile selection; switches the scope to it. FX thread. */
    public void select(String symbol) {
        selectedSymbol = symbol;
        if (SELECTED.equals(scope.getValue())) {
            redraw();
        } else {
            scope.setValue(SELECTED);
        }
    }

    public void setFixedContracts(int n) {
        fixedContracts.getValueFactory().setValue(n);
    }

    private record Request(String title, List<ClosedTrade> trades, double startEquity, String currency, SizingSettings settings,
                           java.util.Map<String, Double> atrRisk, int fixed) {
    }

    /** Recomputes in the background and redraws. FX thread. */
    public void redraw() {
        Optional<Account> account = engine.account();
        if (account.isEmpty()) {
            status.setText("no account yet: nothing to replay from");
            chart.getData().clear();
            return;
        }
        boolean desk = WHOLE_DESK.equals(scope.getValue()) || selectedSymbol == null;
        SizingSettings settings = engine.context().settings();
        List<ClosedTrade> trades = new ArrayList<>();
        for (String symbol : desk ? engine.activeSymbols() : List.of(selectedSymbol)) {
            trades.addAll(KellyReplay.inWindow(engine.closedTrades(symbol), clock.instant(), Duration.ofDays(settings.winLossLookbackDays())));
        }
        Request request = new Request(desk ? "the whole desk" : selectedSymbol, trades, account.get().equityCurrency(),
                account.get().currency(), settings, engine.atrRiskPerContract(), fixedContracts.getValue());
        status.setText("replaying " + trades.size() + " trades…");
        tasks.call(() -> KellyReplay.replay(request.trades(), request.startEquity(), request.settings(), request.atrRisk(), request.fixed()),
                result -> show(request, result), problem -> status.setText("replay failed: " + problem));
    }

    private void show(Request request, KellyReplay.Result result) {
        List<XYChart.Series<Number, Number>> lines = List.of(series(result.kelly(), request), series(result.halfKelly(), request),
                series(result.fixed(), request));
        chart.getData().setAll(lines);
        kellyLegend.setText("━ " + lines.get(0).getName());
        halfLegend.setText("━ " + lines.get(1).getName());
        fixedLegend.setText("┅ " + lines.get(2).getName());
        status.setText(result.trades().size() + " trades of " + request.title());
        SizingSettings s = request.settings();
        String method = String.format(Locale.ROOT, "Replayed: the %d closed trades of %s that exited in the last %d days, in exit order, "
                + "from today's equity %,.0f %s. Desk sizing: before each trade, the win rate and payoff ratio of the earlier "
                + "trades only (of the same symbol), pulled toward the prior; f = %s × Kelly, capped at %s, none below %s; contracts "
                + "= floor(f × equity / risk per contract), at most %d. Half: half that fraction. Fixed: %d contract%s on every trade. "
                + "Each trade's result per contract is scaled to the contracts of each line.",
                result.trades().size(), request.title(), s.winLossLookbackDays(), request.startEquity(), request.currency(),
                Formats.plain(s.kellyMultiplier()), Formats.pct(s.maxKellyFraction()), Formats.pct(s.minKellyFraction()), s.maxPositionSizeContracts(),
                request.fixed(), request.fixed() == 1 ? "" : "s");
        note.setText(String.format(Locale.ROOT, "Replayed: %d closed trades of %s (last %d days, in exit order) from today's equity "
                + "%,.0f %s; desk sizing recomputed before each trade from the earlier trades only. Hover for the method.",
                result.trades().size(), request.title(), s.winLossLookbackDays(), request.startEquity(), request.currency()));
        note.setTooltip(new javafx.scene.control.Tooltip(method));
        note.getTooltip().setWrapText(true);
        note.getTooltip().setMaxWidth(640);
    }

    private static XYChart.Series<Number, Number> series(KellyReplay.Leg leg, Request request) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(String.format(Locale.ROOT, "%s: %,.0f · max drawdown %.1f %% · log growth %.5f/trade", leg.name(),
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
