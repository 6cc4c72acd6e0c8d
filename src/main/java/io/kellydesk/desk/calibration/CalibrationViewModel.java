package io.kellydesk.desk.calibration;

import io.kellydesk.core.CalibrationReport;
import io.kellydesk.core.ModelCalibration;
import io.kellydesk.desk.fx.FxTasks;
import io.kellydesk.engine.DecisionBrowser;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The calibration view's state: each model's and the blend's reliability (predicted against observed win rate),
 * Brier score and ECE over the decision log's resolved trades, and how many there are against
 * {@code calibration_min_outcomes}. Read in the background on {@link #refresh()}. FX thread.
 */
public final class CalibrationViewModel {

    private final DecisionBrowser log;
    private final FxTasks tasks;
    private final IntSupplier minOutcomes;
    private final ObjectProperty<Map<ModelCalibration.Source, CalibrationReport>> reports = new SimpleObjectProperty<>(this, "reports");
    private final StringProperty status = new SimpleStringProperty(this, "status", "reading the resolved trades…");

    public CalibrationViewModel(DecisionBrowser log, FxTasks tasks, IntSupplier minOutcomes) {
        this.log = log;
        this.tasks = tasks;
        this.minOutcomes = minOutcomes;
    }

    public void refresh() {
        tasks.call(() -> ModelCalibration.of(log.calibrationOutcomes()), now -> {
            reports.set(now);
            status.set(statusOf(now.get(ModelCalibration.Source.BLENDED_RAW).outcomes(), minOutcomes.getAsInt()));
        }, problem -> status.set("could not read the resolved trades: " + problem));
    }

    /** "42 resolved trades of the 50 calibration_min_outcomes needs: p is p_raw, not calibrated yet". */
    static String statusOf(int outcomes, int needed) {
        String count = outcomes + " resolved trade" + (outcomes == 1 ? "" : "s");
        return outcomes >= needed
                ? String.format(Locale.ROOT, "%s (calibration_min_outcomes %d): p is calibrated (isotonic, refitted as trades resolve)", count, needed)
                : String.format(Locale.ROOT, "%s of the %d calibration_min_outcomes needs: p is p_raw, not calibrated yet", count, needed);
    }

    public ObjectProperty<Map<ModelCalibration.Source, CalibrationReport>> reportsProperty() {
        return reports;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
