package io.kellydesk.engine;

import io.kellydesk.core.LoggedDecision;
import io.kellydesk.store.DecisionLog;
import io.kellydesk.store.DecisionQueries;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The decision log as the desk reads it. */
public final class LoggedDecisions implements DecisionBrowser {

    private final DecisionLog log;
    private final Clock clock;

    public LoggedDecisions(DecisionLog log, Clock clock) {
        this.log = Objects.requireNonNull(log);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public List<LoggedDecision> find(Filter f, int limit) throws Exception {
        return log.queries().latest(limit, new DecisionQueries.Filter(f.symbol(), f.status(), f.reason(), f.from(), null));
    }

    @Override
    public Optional<Map<String, Object>> details(long id) throws Exception {
        return log.queries().row(id);
    }

    /** Written beside the target and moved over it in one step: a failed export leaves no half file. */
    @Override
    public void exportCsv(List<LoggedDecision> rows, Path file) throws Exception {
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".export-", ".csv");
        try (Writer out = Files.newBufferedWriter(temp)) {
            DecisionLog.exportCsv(rows, out);
        } catch (Exception e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public List<io.kellydesk.core.CalibrationOutcome> calibrationOutcomes() throws Exception {
        return log.queries().calibrationOutcomes();
    }

    @Override
    public List<Map.Entry<Instant, Double>> fractionsUsed(String symbol, Duration window) throws Exception {
        Instant now = clock.instant();
        return log.queries().history(symbol, now.minus(window), now).stream()
                .map(d -> Map.entry(d.decidedAt(), "TRADE".equals(d.status()) && d.fUsed() != null ? d.fUsed() : 0.0))
                .sorted(Map.Entry.comparingByKey()).toList();
    }
}
