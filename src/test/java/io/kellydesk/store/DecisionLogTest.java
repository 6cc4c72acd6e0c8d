package io.kellydesk.store;

import io.kellydesk.core.LoggedDecision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kellydesk.core.ClosedTrade;
import io.kellydesk.core.Direction;
import io.kellydesk.core.Recommendation;
import io.kellydesk.testing.MutableClock;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.kellydesk.core.SettingsChangeRecord;

/** The decision log on a real SQLite file in a temporary folder. */
class DecisionLogTest {

    private static final Instant T0 = Instant.parse("2026-11-23T14:30:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private final List<String> alarms = new CopyOnWriteArrayList<>();
    private final StorageAlarm recordingAlarm = new StorageAlarm() {
        @Override
        public void raised(String message) {
            alarms.add("RAISED " + message);
        }

        @Override
        public void cleared(String message) {
            alarms.add("CLEARED " + message);
        }
    };

    private DecisionLog open() throws DecisionLogException {
        return DecisionLog.open(dir, clock, recordingAlarm);
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    @Test
    void recommendationsRoundTripWithEveryFieldAndTheirInputs() throws Exception {
        try (DecisionLog log = open()) {
            Recommendation trade = StoreFixtures.recommendation("NQZ26-CME", Direction.LONG, 0.7, T0);
            Recommendation skip = StoreFixtures.recommendation("ESZ26-CME", Direction.LONG, 0.55, T0.plusSeconds(1));
            long id = await(log.append(trade));
            await(log.append(skip));
            await(log.append(StoreFixtures.recommendation("NQZ26-CME", Direction.SHORT, 0.8, T0.plusSeconds(60))));

            List<LoggedDecision> latest = log.queries().latestPerSymbol();
            assertThat(latest).extracting(LoggedDecision::symbol).containsExactly("ESZ26-CME", "NQZ26-CME");
            assertThat(latest.get(1).direction()).isEqualTo("SHORT");
            assertThat(latest.get(0).status()).isEqualTo("NO_TRADE");
            assertThat(latest.get(0).reason()).isEqualTo("BELOW_CONFIDENCE");
            assertThat(latest.get(0).fUsed()).as("never reached: NULL, not 0").isNull();

            assertThat(log.queries().history("NQZ26-CME", T0, T0.plusSeconds(3600))).hasSize(2);
            assertThat(log.queries().latest(10, new DecisionQueries.Filter(null, "TRADE", null, null, null))).hasSize(2);
            assertThat(log.queries().latest(10, new DecisionQueries.Filter(null, null, "BELOW_CONFIDENCE", null, null))).hasSize(1);

            var row = log.queries().row(id).orElseThrow();
            // p = 0.7, b = 1: f* = 0.4, f = 0.2; 0.2 × 1e6 / 2,565 = 77.97 → capped at 5 contracts, 12,825 at risk
            assertThat((Double) row.get("f_kelly")).isCloseTo(0.4, org.assertj.core.api.Assertions.within(1e-9));
            assertThat(row.get("contracts")).isEqualTo(5);
            assertThat((Double) row.get("capital_at_risk")).isEqualTo(12_825.0);
            assertThat(row.get("capped_at_max_position")).isEqualTo(1);
            assertThat(row.get("risk_source")).isEqualTo("ATR_STOP");
            assertThat((String) row.get("inputs_json")).contains("\"symbol\":\"NQZ26-CME\"").contains("\"confidence\":0.7");
            assertThat(row.get("inputs_hash")).isEqualTo(trade.inputsHash());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(DecisionLog.FILE_NAME));
             Statement st = c.createStatement()) {
            assertThat(scalar(st, "PRAGMA user_version")).isEqualTo("3");
            assertThat(scalar(st, "PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(scalar(st, "SELECT count(*) FROM recommendations")).isEqualTo("3");
        }
    }

    @Test
    void aSchemaOneFileIsMigratedKeepingEveryRow() throws Exception {
        // a decision log as the first release wrote it: schema 1 with one recommendation
        Path file = dir.resolve(DecisionLog.FILE_NAME);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String sql : Migrations.statements(new String(getClass().getResourceAsStream("migrations/V001__decision_log.sql")
                    .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))) {
                st.execute(sql);
            }
            st.execute("PRAGMA user_version = 1");
            st.execute("INSERT INTO recommendations (symbol, decided_at_ms, status, reason, reason_detail, direction, calibrated,"
                    + " payoff_trades_n, capped_at_max_fraction, emergency, capped_at_max_position, halved_by_validation, contracts,"
                    + " capital_at_risk, inputs_hash, settings_version, inputs_json) VALUES ('NQZ26-CME', 1, 'TRADE', 'NONE', '',"
                    + " 'LONG', 0, 0, 0, 0, 1, 0, 5, 12825, 'h', 'v', '{}')");
        }
        try (DecisionLog log = open()) {
            await(log.append(StoreFixtures.recommendation("ESZ26-CME", Direction.SHORT, 0.7, T0)));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            assertThat(scalar(st, "PRAGMA user_version")).isEqualTo("3");
            assertThat(scalar(st, "SELECT count(*) FROM recommendations")).isEqualTo("2");
            // the old row keeps its values; what it never knew stays NULL (the action reads NONE)
            assertThat(scalar(st, "SELECT contracts || ' ' || capital_at_risk || ' ' || action || ' ' || coalesce(held_contracts, 'null')"
                    + " FROM recommendations WHERE symbol = 'NQZ26-CME'")).isEqualTo("5 12825.0 NONE null");
            // the new row has its position, order and input ages
            assertThat(scalar(st, "SELECT held_contracts || ' ' || target_contracts || ' ' || action || ' ' || position_cap || ' '"
                    + " || (age_lstm_ms IS NOT NULL) FROM recommendations WHERE symbol = 'ESZ26-CME'")).matches("0 -?\\d+ \\w+ 5 1");
        }
    }

    @Test
    void aFileFromANewerDeskIsRefusedUntouched() throws Exception {
        Path file = dir.resolve(DecisionLog.FILE_NAME);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE future_things (x)");
            st.execute("PRAGMA user_version = 7");
        }
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(this::open).isInstanceOf(DecisionLogException.class)
                .hasMessageContaining("newer Kelly Desk (schema 7; this one knows up to 3)").hasMessageContaining("left untouched");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (DecisionLog again = open()) {
            throw new AssertionError("must stay refused");
        } catch (DecisionLogException expected) {
            // the lock was released on refusal, so the same refusal comes again
            assertThat(expected).hasMessageContaining("newer");
        }
    }

    @Test
    void aCorruptFileIsMovedAsideNeverDeletedAndANewLogStarts() throws Exception {
        Path file = dir.resolve(DecisionLog.FILE_NAME);
        byte[] garbage = "this is not a database, just some bytes that were here".repeat(100).getBytes();
        Files.write(file, garbage);
        try (DecisionLog log = open()) {
            assertThat(log.startupNotice()).hasValueSatisfying(n -> assertThat(n).contains("damaged").contains("moved to")
                    .contains("decisions.sqlite.corrupt-20261123T143000Z").contains("nothing was deleted").doesNotContain("SQLITE").doesNotContain("\n"));
            await(log.append(StoreFixtures.recommendation("NQZ26-CME", Direction.LONG, 0.7, T0)));
            assertThat(log.queries().count("recommendations")).isEqualTo(1);
        }
        assertThat(Files.readAllBytes(dir.resolve("decisions.sqlite.corrupt-20261123T143000Z"))).isEqualTo(garbage);
    }

    @Test
    void aSecondDeskOnTheSameFolderSaysSoAndDoesNotWrite() throws Exception {
        try (DecisionLog first = open(); DecisionLog second = open()) {
            assertThat(first.isReadOnly()).isFalse();
            assertThat(second.isReadOnly()).isTrue();
            assertThat(second.readOnlyReason()).hasValueSatisfying(r -> assertThat(r).contains("Another Kelly Desk (pid "
                    + ProcessHandle.current().pid() + ")").contains("decisions are NOT being logged and hand-off is off"));
            assertThatThrownBy(() -> await(second.append(StoreFixtures.recommendation("NQZ26-CME", Direction.LONG, 0.7, T0))))
                    .hasMessageContaining("Another Kelly Desk");
            await(first.append(StoreFixtures.recommendation("NQZ26-CME", Direction.LONG, 0.7, T0)));
            assertThat(second.queries().count("recommendations")).as("the second still reads").isEqualTo(1);
        }
    }

    @Test
    void aFullDiskRaisesTheAlarmKeepsEveryDecisionAndWritesThemWhenRoomReturns() throws Exception {
        try (DecisionLog log = DecisionLog.open(dir, clock, recordingAlarm, 8)) {
            await(log.append(StoreFixtures.recommendation("NQZ26-CME", Direction.LONG, 0.7, T0)));
            long pages;
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + log.file()); Statement st = c.createStatement()) {
                pages = Long.parseLong(scalar(st, "PRAGMA page_count"));
            }
            // the "disk" holds no page more than the file has now: the next insert fails with SQLITE_FULL
            await(log.onWriter("PRAGMA max_page_count = " + pages));
            List<CompletableFuture<Long>> acks = new CopyOnWriteArrayList<>();
            Thread producer = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 40; i++) {
                    acks.add(log.append(StoreFixtures.recommendation("SYM" + i, Direction.LONG, 0.7, T0.plusSeconds(i))));
                }
            });
            io.kellydesk.testing.Eventually.await(Duration.ofSeconds(10), "disk-full and queue-full alarms",
                    () -> alarms.stream().anyMatch(a -> a.contains("the disk is full")) && alarms.stream().anyMatch(a -> a.contains("queue is full")));
            assertThat(producer.isAlive()).as("back-pressure: the producer waits").isTrue();
            // a few rows may fit in the free space of existing pages; the rest wait, none failed
            assertThat(acks.stream().filter(CompletableFuture::isDone).count()).isLessThan(acks.size());
            assertThat(acks).noneMatch(CompletableFuture::isCompletedExceptionally);

            await(log.onWriter("PRAGMA max_page_count = 1073741823"));
            producer.join(10_000);
            for (CompletableFuture<Long> ack : acks) {
                assertThat(await(ack)).isPositive();
            }
            assertThat(log.queries().count("recommendations")).isEqualTo(41);
            assertThat(alarms).last().satisfies(a -> assertThat(a).startsWith("CLEARED"));
        }
    }

    @Test
    void closedTradesResolveTheLatestEarlierTradeOfTheSameSymbolAndSide() throws Exception {
        try (DecisionLog log = open()) {
            Recommendation older = StoreFixtures.recommendation("NQZ26-CME", Direction.LONG, 0.65, T0);
            Recommendation newer = StoreFixtures.recommendation("NQZ26-CME", Direction.LONG, 0.75, T0.plusSeconds(60));
            await(log.append(older));
            long newerId = await(log.append(newer));
            await(log.append(StoreFixtures.recommendation("NQZ26-CME", Direction.SHORT, 0.8, T0.plusSeconds(90))));
            ClosedTrade win = new ClosedTrade("T-1", "NQZ26-CME", Direction.LONG, 2, T0.plusSeconds(120), T0.plusSeconds(900), 1, 2, 1700);
            ClosedTrade tooEarly = new ClosedTrade("T-0", "NQZ26-CME", Direction.LONG, 1, T0.minusSeconds(60), T0.plusSeconds(30), 1, 2, -50);
            assertThat(await(log.resolveOutcomes(List.of(win, tooEarly)))).isEqualTo(1);
            assertThat(await(log.resolveOutcomes(List.of(win)))).as("already resolved").isZero();
            var pairs = log.queries().outcomePairs();
            assertThat(pairs).singleElement().satisfies(o -> {
                // p_raw of the newer long (0.4 × 0.75 / 0.4), not of the short
                assertThat(o.rawProbability()).isCloseTo(0.75, org.assertj.core.api.Assertions.within(1e-12));
                assertThat(o.won()).isTrue();
            });
            var resolved = log.queries().resolvedTrades(T0, null);
            assertThat(resolved).singleElement().satisfies(t -> assertThat(t.fractionUsed()).isEqualTo(newer.fractionUsed().getAsDouble()));
            assertThat(newerId).isPositive();
        }
    }

    @Test
    void handoffsAndSettingsChangesAreKeptWithEveryStateChange() throws Exception {
        try (DecisionLog log = open()) {
            HandoffRecord handoff = new HandoffRecord("kd-20261123-143000-NQZ26-7f3a", null, "NQZ26-CME", "buy", 2, "market", null,
                    "day", "engine", "{\"client_order_id\":\"kd-20261123-143000-NQZ26-7f3a\"}", "PENDING", "trader1", T0);
            await(log.recordHandoff(handoff));
            assertThatThrownBy(() -> await(log.recordHandoff(handoff))).hasMessageContaining("already in the log");
            await(log.updateHandoff(handoff.clientOrderId(), "ACCEPTED", "{\"order_id\":\"E-1\"}", "E-1", null, "201 accepted"));
            var states = log.queries().handoffs(T0.minusSeconds(1));
            assertThat(states).singleElement().satisfies(h -> {
                assertThat(h.status()).isEqualTo("ACCEPTED");
                assertThat(h.engineOrderId()).isEqualTo("E-1");
            });
            assertThat(log.queries().count("handoff_events")).isEqualTo(2);

            await(log.recordSettingsChange(new SettingsChangeRecord(T0, "risk_constraints.max_position_size", "5", "2", "officer",
                    "risk officer", "volatility spike")));
            assertThat(log.queries().settingsChanges(T0.minusSeconds(1), null)).singleElement()
                    .satisfies(c -> assertThat(c.reason()).isEqualTo("volatility spike"));
        }
    }

    @Test
    void csvExportHasAHeaderAndQuotesText() throws Exception {
        try (DecisionLog log = open()) {
            await(log.append(StoreFixtures.recommendation("NQZ26-CME", Direction.LONG, 0.55, T0)));
            StringWriter out = new StringWriter();
            DecisionLog.exportCsv(log.queries().latest(10, DecisionQueries.Filter.NONE), out);
            String[] lines = out.toString().split("\n");
            assertThat(lines[0]).isEqualTo("id,symbol,decidedAt,status,reason,reasonDetail,direction,pWin,fKelly,fUsed,contracts,"
                    + "capitalAtRisk,emergency,inputsHash,settingsVersion,heldContracts,workingContracts,targetContracts,orderContracts,action");
            assertThat(lines[1]).startsWith("1,NQZ26-CME,2026-11-23T14:30:00Z,NO_TRADE,BELOW_CONFIDENCE,\"p 55.00% < threshold 60.00%\"");
        }
    }

    @Test
    void retentionKeepsWhatIsStillReferencedAndVacuumRunsOnRequest() throws Exception {
        try (DecisionLog log = open()) {
            for (int i = 0; i < 5; i++) {
                await(log.append(StoreFixtures.recommendation("NQZ26-CME", Direction.LONG, 0.7, T0.plusSeconds(i))));
            }
            // ids 1–4 are old and unreferenced; id 5 is the latest of NQ and stays
            assertThat(await(log.purgeOlderThan(T0.plusSeconds(3600)))).isEqualTo(4);
            await(log.vacuum());
            assertThat(log.queries().count("recommendations")).isEqualTo(1);
        }
    }

    private static String scalar(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
