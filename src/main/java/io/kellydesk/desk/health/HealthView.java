package io.kellydesk.desk.health;

import io.kellydesk.desk.fx.TextColumns;
import io.kellydesk.core.Account;
import io.kellydesk.core.ServiceHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import io.kellydesk.desk.fx.Fxml;

/** Controller of {@code fxml/HealthPane.fxml}. FX thread only; fed by the composition root's presenter. */
public final class HealthView {

    private final HealthViewModel viewModel;
    private final io.kellydesk.desk.fx.DeskTime time;
    @FXML private javafx.scene.chart.NumberAxis timeAxis;
    @FXML private javafx.scene.chart.NumberAxis drawdownAxis;
    private double triggerPercent;
    @FXML private HBox root;
    @FXML private TableView<ServiceHealth> services;
    @FXML private TableColumn<ServiceHealth, String> serviceColumn;
    @FXML private TableColumn<ServiceHealth, String> stateColumn;
    @FXML private TableColumn<ServiceHealth, String> successColumn;
    @FXML private TableColumn<ServiceHealth, String> p50Column;
    @FXML private TableColumn<ServiceHealth, String> p95Column;
    @FXML private TableColumn<ServiceHealth, String> p99Column;
    @FXML private TableColumn<ServiceHealth, String> circuitColumn;
    @FXML private TableColumn<ServiceHealth, String> errorColumn;
    @FXML private TableColumn<ServiceHealth, String> errorAtColumn;
    @FXML private TableColumn<ServiceHealth, String> failingColumn;
    @FXML private LineChart<Number, Number> drawdownChart;
    @FXML private TableView<EndpointRow> endpoints;
    @FXML private TableColumn<EndpointRow, String> endpointServiceColumn;
    @FXML private TableColumn<EndpointRow, String> endpointColumn;
    @FXML private TableColumn<EndpointRow, String> endpointRequestsColumn;
    @FXML private TableColumn<EndpointRow, String> endpointSuccessColumn;
    @FXML private TableColumn<EndpointRow, String> endpointSymbolsColumn;
    @FXML private TableColumn<EndpointRow, String> endpointErrorColumn;

    /** One endpoint of one service, as a row. */
    public record EndpointRow(String service, ServiceHealth.EndpointHealth endpoint) {
    }

    public HealthView(HealthViewModel viewModel, io.kellydesk.desk.fx.DeskTime time) {
        this.viewModel = viewModel;
        this.time = time;
    }

    public HBox load() {
        return Fxml.load(this, "HealthPane.fxml");
    }

    @FXML
    private void initialize() {
        viewModel.servicesProperty().addListener((obs, was, now) -> showServices(now));
        viewModel.accountProperty().addListener((obs, was, now) -> showAccount(now));
        column(serviceColumn, h -> h.service().displayName());
        column(stateColumn, h -> h.state().label());
        column(successColumn, h -> h.requests() == 0 ? "—" : String.format(Locale.ROOT, "%.1f %%", h.successRate() * 100));
        column(p50Column, h -> ms(h.latencyP50Ms()));
        column(p95Column, h -> ms(h.latencyP95Ms()));
        column(p99Column, h -> ms(h.latencyP99Ms()));
        column(circuitColumn, h -> h.circuit().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        TextColumns.showWithTooltip(errorColumn, h -> h.lastError().orElse("")); // the whole error on hover
        errorColumn.setSortable(false);
        column(errorAtColumn, h -> h.lastErrorAt().map(time::time).orElse(""));
        errorAtColumn.textProperty().bind(time.header("Last error at"));
        time.zoneProperty().addListener((obs, was, now) -> services.refresh());
        timeAxis.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number minutes) {
                return minutes.doubleValue() == 0 ? "now" : String.format(Locale.ROOT, "%.0f", minutes.doubleValue());
            }

            @Override
            public Number fromString(String text) {
                return 0;
            }
        });
        column(failingColumn, ServiceHealth::failing);
        endpointColumn(endpointServiceColumn, EndpointRow::service);
        endpointColumn(endpointColumn, r -> r.endpoint().endpoint());
        endpointColumn(endpointRequestsColumn, r -> Integer.toString(r.endpoint().requests()));
        endpointColumn(endpointSuccessColumn, r -> String.format(Locale.ROOT, "%.1f %%", r.endpoint().successRate() * 100));
        endpointColumn(endpointSymbolsColumn, r -> r.endpoint().failingSymbols().isEmpty() ? ""
                : r.endpoint().failingSymbols().size() + ": " + String.join(", ", r.endpoint().failingSymbols().keySet()));
        endpointColumn(endpointErrorColumn, r -> r.endpoint().lastError().orElse(""));
        endpoints.setPlaceholder(new javafx.scene.control.Label("No requests in the last minute."));
        endpoints.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        services.setPlaceholder(new javafx.scene.control.Label("No service polled yet."));
        // the last column (the error, in the service's own words) takes what width is left
        services.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private static void column(TableColumn<ServiceHealth, String> column, Function<ServiceHealth, String> text) {
        TextColumns.show(column, text);
        column.setSortable(false);
    }

    private static void endpointColumn(TableColumn<EndpointRow, String> column, Function<EndpointRow, String> text) {
        TextColumns.show(column, text);
        column.setSortable(false);
    }

    private static String ms(Optional<Double> value) {
        return value.map(v -> String.format(Locale.ROOT, "%.1f", v)).orElse("—");
    }

    private void showServices(List<ServiceHealth> health) {
        services.getItems().setAll(health);
        List<EndpointRow> rows = new java.util.ArrayList<>();
        for (ServiceHealth h : health) {
            h.endpoints().forEach(e -> rows.add(new EndpointRow(h.service().displayName(), e)));
        }
        endpoints.getItems().setAll(rows);
    }

    /** The last two hours' drawdown with the emergency trigger as a line (minutes before now on the x axis). */
    private void showAccount(HealthViewModel.AccountState state) {
        long now = state.now().getEpochSecond();
        triggerPercent = state.emergencyTrigger() * 100;
        XYChart.Series<Number, Number> line = new XYChart.Series<>();
        line.setName("drawdown");
        for (HealthViewModel.DrawdownPoint point : state.lastTwoHours()) {
            line.getData().add(new XYChart.Data<>((point.at().getEpochSecond() - now) / 60.0, point.drawdownFraction() * 100));
        }
        List<HealthViewModel.DrawdownPoint> points = state.lastTwoHours();
        double oldest = points.isEmpty() ? -1 : Math.min(-1, (points.getFirst().at().getEpochSecond() - now) / 60.0);
        XYChart.Series<Number, Number> trigger = new XYChart.Series<>();
        trigger.setName(String.format(Locale.ROOT, "emergency trigger %.0f %%", triggerPercent));
        trigger.getData().add(new XYChart.Data<>(oldest, triggerPercent));
        trigger.getData().add(new XYChart.Data<>(0, triggerPercent));
        drawdownChart.getData().setAll(List.of(line, trigger));
        HealthAxes.Range minutes = HealthAxes.minutesBack(-oldest);
        timeAxis.setLowerBound(-minutes.upper());
        timeAxis.setUpperBound(0);
        timeAxis.setTickUnit(minutes.tick());
        double worst = points.stream().mapToDouble(HealthViewModel.DrawdownPoint::drawdownFraction).max().orElse(0) * 100;
        HealthAxes.Range percent = HealthAxes.percentUpTo(Math.max(worst, triggerPercent));
        drawdownAxis.setUpperBound(percent.upper());
        drawdownAxis.setTickUnit(percent.tick());
    }

    public HBox root() {
        return root;
    }
}
