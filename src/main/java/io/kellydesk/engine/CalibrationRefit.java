package io.kellydesk.engine;

import io.kellydesk.core.IsotonicCalibrator;
import io.kellydesk.store.DecisionLog;
import io.kellydesk.store.DecisionLogException;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's periodic job that refits the pooled calibration from the decision log's resolved outcomes, only when
 * their number changed. One run at a time (the scheduler's fixed delay).
 */
public final class CalibrationRefit implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(CalibrationRefit.class);

    private final DecisionLog log;
    private final DeskEngine engine;
    private int fittedOn = -1;

    public CalibrationRefit(DecisionLog log, DeskEngine engine) {
        this.log = Objects.requireNonNull(log);
        this.engine = Objects.requireNonNull(engine);
    }

    @Override
    public void run() {
        try {
            List<IsotonicCalibrator.Outcome> outcomes = log.queries().outcomePairs();
            if (outcomes.size() != fittedOn) {
                fittedOn = outcomes.size();
                engine.updateCalibration(IsotonicCalibrator.fit(outcomes));
                LOG.info("Calibration refitted on {} resolved outcomes", outcomes.size());
            }
        } catch (DecisionLogException e) {
            LOG.warn("Could not read outcomes for calibration: {}", e.getMessage());
        }
    }
}
