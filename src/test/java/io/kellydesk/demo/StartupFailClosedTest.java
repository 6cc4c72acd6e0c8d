package io.kellydesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.kellydesk.core.Recommendation;
import io.kellydesk.core.ReasonCode;
import io.kellydesk.core.ServicesSettings;
import io.kellydesk.core.SizingContext;
import io.kellydesk.core.SizingSettings;
import io.kellydesk.core.UpstreamService;
import io.kellydesk.engine.DeskEngine;
import io.kellydesk.engine.EventBus;
import io.kellydesk.feeds.FeedPoller;
import io.kellydesk.feeds.UpstreamClient;
import io.kellydesk.feeds.UpstreamHttp;
import io.kellydesk.store.DecisionLog;
import io.kellydesk.store.StorageAlarm;
import io.kellydesk.tasks.PooledTaskExecutor;
import io.kellydesk.testing.Eventually;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spec step 0 at start-up, end to end: the demo engine holds every {@code /trades} answer for 5 s; until a symbol's
 * history arrives the desk logs it NO_TRADE_HISTORY and never TRADE (real HTTP, a real SQLite decision log).
 */
class StartupFailClosedTest {

    @TempDir
    Path dir;

    @Test
    void noSymbolIsLoggedTradeBeforeItsTradeHistoryArrived() throws Exception {
        Clock clock = Clock.systemUTC();
        // 40 symbols: in any 30 s epoch several pass the confidence gate and reach step 4 (with eight, some epochs had
        // fewer than two, and the check below depended on the minute the test ran)
        try (DemoServices demo = DemoServices.start(new DemoMarket(DemoInstrument.universe(40, 20261123L), 20261123L, clock), 0)) {
            Instant historyAt = Instant.now().plusSeconds(5);
            demo.holdAnswers("/trades", historyAt);
            Map<UpstreamService, ServicesSettings.Endpoint> endpoints = new EnumMap<>(UpstreamService.class);
            demo.baseUrls().forEach((s, url) -> endpoints.put(s, new ServicesSettings.Endpoint(url, Optional.empty())));
            // read timeout above the hold, so the held answer arrives rather than timing out
            ServicesSettings settings = ServicesSettings.defaults().withEndpoints(endpoints)
                    .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofSeconds(9));
            Set<String> logged = ConcurrentHashMap.newKeySet();
            Set<String> noHistorySeen = ConcurrentHashMap.newKeySet();
            Set<String> tradeSeen = ConcurrentHashMap.newKeySet();
            try (DecisionLog log = DecisionLog.open(dir, clock, StorageAlarm.NONE);
                 UpstreamHttp http = new UpstreamHttp(settings);
                 DeskEngine engine = new DeskEngine(SizingContext.of(SizingSettings.defaults(), null),
                         new PooledTaskExecutor("kd-compute-test", 2), new EventBus(), r -> {
                             log.append(r);
                             logged.add(r.symbol());
                             (r.isTrade() ? tradeSeen : r.reason() == ReasonCode.NO_TRADE_HISTORY ? noHistorySeen : Set.<String>of()).add(r.symbol());
                         }, clock);
                 FeedPoller poller = new FeedPoller(new UpstreamClient(http), settings, engine, clock, Math::random, Duration.ofDays(30), 61)) {
                poller.start();
                // every symbol is sized within 4 s (before the histories come): none a trade, those that got as far as
                // step 4 stopped there with NO_TRADE_HISTORY
                Eventually.await(Duration.ofSeconds(4), "every symbol logged", () -> logged.containsAll(demo.market().symbols()));
                Eventually.await(Duration.ofSeconds(4), "sizing reached step 4 and stopped there",
                        () -> noHistorySeen.size() >= 2);
                assertThat(Instant.now()).isBefore(historyAt);
                assertThat(tradeSeen).isEmpty();
                assertThat(noHistorySeen).isNotEmpty();
                Eventually.await(Duration.ofSeconds(15), "some symbol a trade once its history came", () -> !tradeSeen.isEmpty());
            }
            {
                // the log is closed (its writer drained): no TRADE row earlier than the first history could have arrived
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(DecisionLog.FILE_NAME));
                     Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT count(*), min(decided_at_ms) FROM recommendations WHERE status = 'TRADE'")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isPositive();
                    assertThat(rs.getLong(2)).as("first TRADE row at or after the history's release").isGreaterThanOrEqualTo(historyAt.toEpochMilli());
                }
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(DecisionLog.FILE_NAME));
                     Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT count(*) FROM recommendations WHERE reason = 'NO_TRADE_HISTORY'")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("rows that stopped at step 4 for want of the history").isPositive();
                }
            }
        }
    }
}
