package io.kellydesk.store;

import io.kellydesk.core.Direction;
import io.kellydesk.core.Recommendation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Issue 5's speed figures on this machine: sustained writer throughput, latest-per-symbol for 500 symbols on a
 * 1,000,000-row file, and a symbol's 30-day history. Run: {@code mvn -Pload verify -Dload.main=io.kellydesk.store.DecisionLogScenario}.
 */
public final class DecisionLogScenario {

    private static final int ROWS = 1_000_000;
    private static final int SYMBOLS = 500;

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("kd-log-scenario");
        Instant end = Instant.parse("2026-11-23T14:30:00Z");
        // 1,000,000 rows over 60 days, 500 symbols: 2,000 per symbol, one every ~43 minutes per symbol
        long spanMs = Duration.ofDays(60).toMillis();
        List<Recommendation> distinct = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            distinct.add(StoreFixtures.recommendation("SYM" + (i % SYMBOLS), i % 2 == 0 ? Direction.LONG : Direction.SHORT,
                    0.55 + (i % 40) / 100.0, end));
        }
        System.out.printf(Locale.ROOT, "preparing %,d rows (JSON of the inputs included) on the producer thread%n", ROWS);
        long prepStart = System.nanoTime();
        List<RecommendationRow> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            RecommendationRow base = RecommendationRow.of(distinct.get(i % distinct.size()));
            long at = end.toEpochMilli() - spanMs + (spanMs * i) / ROWS;
            rows.add(withSymbolAndTime(base, "SYM" + (i % SYMBOLS), at));
        }
        double prepSeconds = (System.nanoTime() - prepStart) / 1e9;
        System.out.printf(Locale.ROOT, "prepared in %.1f s: %,.0f rows/s on one producer thread%n", prepSeconds, ROWS / prepSeconds);

        try (DecisionLog log = DecisionLog.open(dir, Clock.systemUTC(), StorageAlarm.NONE)) {
            DecisionWriter writer = writerOf(log);
            List<CompletableFuture<Long>> acks = new ArrayList<>(ROWS);
            long start = System.nanoTime();
            for (RecommendationRow row : rows) {
                CompletableFuture<Long> ack = new CompletableFuture<>();
                writer.submit(new DecisionWriter.AppendRecommendation(row, ack));
                acks.add(ack);
            }
            acks.getLast().get(10, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "writer: %,d rows in %.2f s = %,.0f rows/s sustained (target >= 200,000), file %,d MB%n",
                    ROWS, seconds, ROWS / seconds, Files.size(log.file()) / 1_000_000);

            DecisionQueries q = log.queries();
            List<Double> latestMs = new ArrayList<>();
            List<Double> historyMs = new ArrayList<>();
            int latestRows = 0;
            int historyRows = 0;
            for (int i = 0; i < 30; i++) {
                long t0 = System.nanoTime();
                latestRows = q.latestPerSymbol().size();
                latestMs.add((System.nanoTime() - t0) / 1e6);
                long t1 = System.nanoTime();
                historyRows = q.history("SYM" + (i * 7 % SYMBOLS), end.minus(Duration.ofDays(30)), end.plusSeconds(1)).size();
                historyMs.add((System.nanoTime() - t1) / 1e6);
            }
            Collections.sort(latestMs);
            Collections.sort(historyMs);
            System.out.printf(Locale.ROOT, "latest per symbol: %d rows, median %.2f ms, max %.2f ms over 30 runs (target < 20 ms)%n",
                    latestRows, latestMs.get(15), latestMs.getLast());
            System.out.printf(Locale.ROOT, "30-day history of one symbol: %d rows, median %.2f ms, max %.2f ms over 30 runs (target < 50 ms)%n",
                    historyRows, historyMs.get(15), historyMs.getLast());
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static RecommendationRow withSymbolAndTime(RecommendationRow r, String symbol, long at) {
        return new RecommendationRow(symbol, at, r.status(), r.reason(), r.reasonDetail(), r.direction(), r.pLong(), r.pRaw(),
                r.pWin(), r.calibrated(), r.agreement(), r.confidenceSpread(), r.bHist(), r.tradesN(), r.b(), r.fKelly(),
                r.fAfterMultiplier(), r.cappedAtMaxFraction(), r.drawdown(), r.emergency(), r.fUsed(), r.riskPerContract(),
                r.riskSource(), r.contractsSized(), r.cappedAtMaxPosition(), r.openRisk(), r.contractsAfterPortfolio(),
                r.correlatedExposure(), r.contractsAfterCorrelation(), r.halved(), r.contracts(), r.capitalAtRisk(),
                r.expectedEdge(), r.growthRate(), r.inputsHash(), r.settingsVersion(),
                Boolean.getBoolean("scenario.noJson") ? "{}" : r.inputsJson(), r.heldContracts(), r.workingContracts(),
                r.targetContracts(), r.orderContracts(), r.action(), r.actionReason(), r.fAtRisk(), r.positionCap(),
                r.unknownCorrelations(), r.inputAgesMs());
    }

    private static DecisionWriter writerOf(DecisionLog log) throws ReflectiveOperationException {
        var field = DecisionLog.class.getDeclaredField("writer");
        field.setAccessible(true);
        return (DecisionWriter) field.get(log);
    }
}
