package io.kellydesk.desk;

import io.kellydesk.core.LoggedDecision;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the Decisions tab needs from the decision log; the composition root adapts the store to it. Blocking. */
public interface DecisionBrowser {

    /** Null fields do not filter. */
    record Filter(String symbol, String status, String reason, Instant from) {
    }

    List<LoggedDecision> find(Filter filter, int limit) throws Exception;

    /** Every column of one logged recommendation, inputs included. */
    Optional<Map<String, Object>> details(long id) throws Exception;

    void exportCsv(List<LoggedDecision> rows, Path file) throws Exception;
}
