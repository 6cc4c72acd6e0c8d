package io.kellydesk.engine;

import io.kellydesk.core.LoggedDecision;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the desk reads from the decision log (the Decisions tab, the tiles' sparklines). Blocking: background threads. */
public interface DecisionBrowser {

    /** Null fields do not filter. */
    record Filter(String symbol, String status, String reason, Instant from) {
    }

    List<LoggedDecision> find(Filter filter, int limit) throws Exception;

    /** Every column of one logged recommendation, inputs included. */
    Optional<Map<String, Object>> details(long id) throws Exception;

    /** Writes {@code rows} to {@code file} as CSV, whole or not at all. */
    void exportCsv(List<LoggedDecision> rows, Path file) throws Exception;

    /**
     * The Kelly fraction used (fraction of equity; 0 where the decision was no trade) of the symbol's decisions in the
     * last {@code window}, oldest first: what a new tile's sparkline starts from.
     */
    List<Map.Entry<Instant, Double>> fractionsUsed(String symbol, java.time.Duration window) throws Exception;

    /** Every resolved trade with what each model said before it: what the calibration view is drawn from. */
    List<io.kellydesk.core.CalibrationOutcome> calibrationOutcomes() throws Exception;
}
