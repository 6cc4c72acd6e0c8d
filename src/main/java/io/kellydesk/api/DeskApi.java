package io.kellydesk.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.kellydesk.core.Account;
import io.kellydesk.core.ClosedTrade;
import io.kellydesk.core.HandoffStatus;
import io.kellydesk.core.KellyReplay;
import io.kellydesk.core.LoggedDecision;
import io.kellydesk.core.ServiceHealth;
import io.kellydesk.core.SizingSettings;
import io.kellydesk.engine.DecisionBrowser;
import io.kellydesk.engine.DeskEngine;
import io.kellydesk.engine.DeskEvent;
import io.kellydesk.engine.EventBus;
import io.kellydesk.engine.PortfolioRisk;
import io.kellydesk.engine.SymbolSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's local, read-only API for the firm's other desk tools: REST under {@code /api/kelly} and the WebSocket
 * stream {@code /api/kelly/stream}, every request (and the upgrade) with the bearer token. Javalin on Jetty 12; it
 * changes nothing and sends no order. Start and stop off the FX thread.
 */
public final class DeskApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeskApi.class);
    public static final String BASE = "/api/kelly";

    /** Where the API reads from: the engine's ports. */
    public record Sources(DeskEngine engine, EventBus bus, Optional<DecisionBrowser> decisions,
                          Supplier<List<ServiceHealth>> health) {
    }

    private final Sources sources;
    private final ApiToken token;
    private final Clock clock;
    private final ObjectMapper mapper = JsonMapper.builder().build();
    private final StreamHub hub;
    private final ScheduledExecutorService sweeper;
    private final List<EventBus.Subscription> subscriptions = new ArrayList<>();
    private final byte[] openApi;
    private Javalin app;
    private ScheduledFuture<?> sweeping;
    private String lastRiskKey = "";

    /**
     * @param streamThread one thread for the stream's sends and the look for stalled clients every second; owned by the
     *                     caller
     */
    public DeskApi(Sources sources, ApiToken token, Clock clock, ScheduledExecutorService streamThread) {
        this.sources = Objects.requireNonNull(sources);
        this.token = Objects.requireNonNull(token);
        this.clock = Objects.requireNonNull(clock);
        this.sweeper = Objects.requireNonNull(streamThread);
        this.hub = new StreamHub(clock, streamThread);
        try (InputStream in = Objects.requireNonNull(DeskApi.class.getResourceAsStream("openapi.json"), "openapi.json")) {
            this.openApi = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Listens on {@code host:port} (port 0: any free one). Returns the problem in one sentence when it cannot; the desk
     * then runs on without the API.
     */
    public synchronized Optional<String> start(String host, int port) {
        try {
            app = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.startup.showOldJavalinVersionWarning = false;
                config.http.prefer405over404 = true;
                config.jsonMapper(new JavalinJackson(mapper, false));
                config.jetty.host = host;
                config.jetty.port = port;
                // no per-message compression: deflating every frame for every client cost more CPU than the bytes saved
                // on loopback (the stream's messages are small and go to tools on this PC)
                config.jetty.modifyWebSocketServletFactory(factory -> factory.getAvailableExtensionNames().remove("permessage-deflate"));
                config.routes.before(ctx -> {
                    if (!token.accepts(ctx.header("Authorization"))) {
                        ctx.header("WWW-Authenticate", "Bearer");
                        ctx.status(HttpStatus.UNAUTHORIZED).json(Map.of("error", "a bearer token is required (see " + ApiToken.FILE_NAME
                                + " in the desk's data folder)"));
                        ctx.skipRemainingHandlers();
                    }
                });
                // the upgrade is an HTTP request of its own: refused with 401 before any WebSocket exists
                config.routes.wsBeforeUpgrade(BASE + "/stream", ctx -> {
                    if (!token.accepts(ctx.header("Authorization"))) {
                        ctx.header("WWW-Authenticate", "Bearer");
                        throw new io.javalin.http.UnauthorizedResponse("a bearer token is required");
                    }
                });
                config.routes.get(BASE + "/current-recommendations", this::recommendations);
                config.routes.get(BASE + "/performance-metrics", this::performance);
                config.routes.get(BASE + "/risk-status", ctx -> ctx.json(riskStatus()));
                config.routes.get(BASE + "/health", this::health);
                config.routes.get(BASE + "/decisions", this::decisions);
                config.routes.get(BASE + "/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
                config.routes.ws(BASE + "/stream", ws -> {
                    ws.onConnect(ctx -> {
                        ctx.session.setIdleTimeout(Duration.ofMinutes(10));
                        hub.join(ctx.sessionId(), ctx.session, this::snapshotMessages);
                    });
                    ws.onClose(ctx -> hub.leave(ctx.sessionId()));
                    ws.onError(ctx -> hub.leave(ctx.sessionId()));
                });
            }).start();
        } catch (RuntimeException e) {
            app = null;
            String problem = "The local API could not listen on " + host + ":" + port + " (" + rootMessage(e)
                    + "); the desk runs without it.";
            LOG.warn(problem);
            return Optional.of(problem);
        }
        subscribe();
        sweeping = sweeper.scheduleWithFixedDelay(hub::sweep, 1, 1, TimeUnit.SECONDS);
        LOG.info("Local API on http://{}:{}{} (token in {})", host, app.port(), BASE, token.file());
        return Optional.empty();
    }

    /** The port it listens on (the one chosen when started on 0). */
    public synchronized int port() {
        return app == null ? -1 : app.port();
    }

    private void subscribe() {
        subscriptions.add(sources.bus().subscribe(DeskEvent.RecommendationChanged.class, e -> {
            if (hub.clientCount() == 0) {
                return; // nobody listens: no JSON built on the engine's thread
            }
            Instant now = clock.instant();
            SymbolSnapshot s = e.snapshot();
            hub.update(s.symbol(), text(ApiJson.message("kelly_update", s.symbol(), ApiJson.recommendation(s, now), now)));
            if (s.computedAt().equals(s.recommendation().decidedAt())) {
                hub.update("complete:" + s.symbol(), text(ApiJson.message("kelly_calculation_complete", s.symbol(),
                        Map.of("decided_at", s.recommendation().decidedAt().toString(), "decision", s.recommendation().status().name()), now)));
            }
        }));
        subscriptions.add(sources.bus().subscribe(DeskEvent.HandoffChanged.class, e -> {
            if (e.handoff().status() == HandoffStatus.ACCEPTED) {
                hub.publish(text(ApiJson.message("kelly_trade_executed", e.handoff().symbol(), ApiJson.handoff(e.handoff()), clock.instant())));
            }
        }));
        subscriptions.add(sources.bus().subscribe(DeskEvent.ServiceHealthChanged.class,
                e -> {
                    if (hub.clientCount() > 0) {
                        hub.update("health:" + e.health().service(), text(ApiJson.message("service_health", null,
                                ApiJson.health(e.health()), clock.instant())));
                    }
                }));
        subscriptions.add(sources.bus().subscribe(DeskEvent.AccountChanged.class, e -> publishRiskIfChanged()));
        subscriptions.add(sources.bus().subscribe(DeskEvent.EmergencyChanged.class, e -> publishRiskIfChanged()));
    }

    /** risk_status only when equity, drawdown or the emergency changed (not on every identical account poll). */
    private void publishRiskIfChanged() {
        if (hub.clientCount() == 0) {
            return;
        }
        Optional<Account> account = sources.engine().account();
        String key = account.map(a -> a.equityCurrency() + "|" + a.peakEquityCurrency()).orElse("none") + "|"
                + sources.engine().snapshots().stream().anyMatch(s -> s.recommendation().emergency());
        synchronized (this) {
            if (key.equals(lastRiskKey)) {
                return;
            }
            lastRiskKey = key;
        }
        hub.update("risk_status", text(ApiJson.message("risk_status", null, riskStatus(), clock.instant())));
    }

    private Iterable<String> snapshotMessages() {
        Instant now = clock.instant();
        List<String> messages = new ArrayList<>();
        List<Map<String, Object>> all = sources.engine().snapshots().stream().map(s -> ApiJson.recommendation(s, now)).toList();
        messages.add(text(ApiJson.message("snapshot", null, Map.of("recommendations", all), now)));
        return messages;
    }

    // ---------------------------------------------------------------- REST

    private void recommendations(Context ctx) {
        Instant now = clock.instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recommendations", sources.engine().snapshots().stream().map(s -> ApiJson.recommendation(s, now)).toList());
        body.put("timestamp", now.toString());
        ctx.json(body);
    }

    private void performance(Context ctx) {
        int days;
        try {
            days = ctx.queryParam("days") == null ? 30 : Integer.parseInt(ctx.queryParam("days"));
        } catch (NumberFormatException e) {
            days = -1;
        }
        if (days < 1 || days > 365) {
            ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", "days must be a whole number from 1 to 365"));
            return;
        }
        Optional<Account> account = sources.engine().account();
        Instant now = clock.instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("days", days);
        body.put("timestamp", now.toString());
        if (account.isEmpty()) {
            body.put("desk", null);
            body.put("symbols", List.of());
            body.put("note", "no account yet: nothing to replay from");
            ctx.json(body);
            return;
        }
        SizingSettings settings = sources.engine().context().settings();
        Map<String, Double> atr = sources.engine().atrRiskPerContract();
        List<ClosedTrade> desk = new ArrayList<>();
        List<Map<String, Object>> perSymbol = new ArrayList<>();
        for (String symbol : sources.engine().activeSymbols()) {
            List<ClosedTrade> trades = KellyReplay.inWindow(sources.engine().closedTrades(symbol), now, Duration.ofDays(days));
            desk.addAll(trades);
            perSymbol.add(ApiJson.replay(symbol, KellyReplay.replay(trades, account.get().equityCurrency(), settings, atr, 1)));
        }
        body.put("desk", ApiJson.replay("desk", KellyReplay.replay(desk, account.get().equityCurrency(), settings, atr, 1)));
        body.put("symbols", perSymbol);
        body.put("fixed_contracts", 1);
        ctx.json(body);
    }

    private Map<String, Object> riskStatus() {
        Instant now = clock.instant();
        SizingSettings settings = sources.engine().context().settings();
        Optional<Account> account = sources.engine().account();
        List<SymbolSnapshot> snapshots = sources.engine().snapshots();
        PortfolioRisk risk = PortfolioRisk.of(snapshots.stream().map(SymbolSnapshot::recommendation).toList(), account,
                settings.maxPortfolioRisk());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("account", ApiJson.account(account));
        body.put("emergency", risk.emergency());
        body.put("open_risk_currency", risk.openRiskCurrency());
        body.put("open_risk_fraction", risk.openRiskFraction().isPresent() ? (Object) risk.openRiskFraction().getAsDouble() : null);
        body.put("max_portfolio_risk_fraction", settings.maxPortfolioRisk());
        body.put("symbols", snapshots.stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("symbol", s.symbol());
            m.put("held_contracts", s.recommendation().heldContracts());
            m.put("working_contracts", s.recommendation().workingContracts());
            m.put("position_cap_contracts", s.recommendation().positionCapContracts());
            m.put("capital_at_risk_currency", s.recommendation().capitalAtRiskCurrency());
            return m;
        }).toList());
        body.put("limits", ApiJson.limits(settings));
        body.put("settings_version", sources.engine().context().settingsVersion());
        body.put("timestamp", now.toString());
        return body;
    }

    private void health(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("services", sources.health().get().stream().map(ApiJson::health).toList());
        body.put("timestamp", clock.instant().toString());
        ctx.json(body);
    }

    private void decisions(Context ctx) throws Exception {
        if (sources.decisions().isEmpty()) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("error", "the decision log is not open"));
            return;
        }
        int limit;
        Instant since = null;
        try {
            limit = ctx.queryParam("limit") == null ? 100 : Integer.parseInt(ctx.queryParam("limit"));
            if (ctx.queryParam("since") != null) {
                since = Instant.parse(ctx.queryParam("since"));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", "limit is a whole number, since an ISO-8601 UTC time"));
            return;
        }
        if (limit < 1 || limit > 10_000) {
            ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", "limit must be from 1 to 10000"));
            return;
        }
        List<LoggedDecision> rows = sources.decisions().get().find(new DecisionBrowser.Filter(blankToNull(ctx.queryParam("symbol")),
                blankToNull(ctx.queryParam("status")), null, since), limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decisions", rows.stream().map(ApiJson::decision).toList());
        body.put("limit", limit);
        body.put("timestamp", clock.instant().toString());
        ctx.json(body);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private String text(Object message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON map always serialises", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    int streamClients() {
        return hub.clientCount();
    }

    /** Stops listening and drops the clients. Any thread. */
    @Override
    public synchronized void close() {
        subscriptions.forEach(EventBus.Subscription::close);
        subscriptions.clear();
        if (sweeping != null) {
            sweeping.cancel(false);
        }
        if (app != null) {
            app.stop();
            app = null;
        }
    }
}
