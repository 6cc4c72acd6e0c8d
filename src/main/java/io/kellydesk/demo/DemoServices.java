package io.kellydesk.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kellydesk.core.Direction;
import io.kellydesk.core.UpstreamService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The four upstream services of the contract, simulated over real HTTP on loopback: an LSTM and an ensemble
 * predictor, market data and a trading engine whose order intake honours the idempotency rules. Each runs on
 * its own port, exactly as the desk would meet production. Demo-only controls live under {@code /demo/}.
 */
public final class DemoServices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoServices.class);
    private static final int MAX_ORDER_QUANTITY = 50;

    private final DemoMarket market;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final Map<UpstreamService, HttpServer> servers = new EnumMap<>(UpstreamService.class);
    private final Map<UpstreamService, Long> outageUntilMillis = new ConcurrentHashMap<>();
    private final Map<String, StoredOrder> orders = new ConcurrentHashMap<>();
    private final Map<DemoMarket.DemoTrade, String> tradeJson = new ConcurrentHashMap<>();
    private final AtomicLong orderSequence = new AtomicLong(88_800);
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("kd-demo-", 0).factory());
    private final Instant startedAt = Instant.now();

    private record StoredOrder(JsonNode request, String response) {
    }

    /** An accepted order as the demo engine works it: it fills after a short delay, a large one in two parts. */
    private static final class WorkingOrder {
        final String orderId;
        final String clientOrderId;
        final String symbol;
        final Direction side;
        final int quantity;
        final Instant received;
        int filled;
        String status = "accepted";
        Instant updated;

        WorkingOrder(String orderId, String clientOrderId, String symbol, Direction side, int quantity, Instant received) {
            this.orderId = orderId;
            this.clientOrderId = clientOrderId;
            this.symbol = symbol;
            this.side = side;
            this.quantity = quantity;
            this.received = received;
            this.updated = received;
        }
    }

    private final Map<String, WorkingOrder> working = new java.util.LinkedHashMap<>();
    private final java.util.concurrent.ScheduledExecutorService fills = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kd-demo-fills");
        t.setDaemon(true);
        return t;
    });
    private final java.util.SplittableRandom fillRandom = new java.util.SplittableRandom(20261123L);
    private volatile long fillDelayMinMs = 1_000;
    private volatile long fillDelayMaxMs = 5_000;
    private volatile long orderAnswerDelayMs;
    private final Map<String, Long> pathDelayUntilMillis = new ConcurrentHashMap<>();
    /** "service|path|symbol" → what the demo answers instead: "500" or "garbage". */
    private final Map<String, String> faults = new ConcurrentHashMap<>();

    private DemoServices(DemoMarket market) {
        this.market = market;
    }

    /**
     * Starts the services on consecutive loopback ports from {@code firstPort} (LSTM, ensemble, market data,
     * trading engine), or on free ports when {@code firstPort} is 0.
     */
    public static DemoServices start(DemoMarket market, int firstPort) throws IOException {
        DemoServices services = new DemoServices(market);
        int port = firstPort;
        for (UpstreamService service : UpstreamService.values()) {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
            server.setExecutor(services.executor);
            server.createContext("/", exchange -> services.handle(service, exchange));
            server.start();
            services.servers.put(service, server);
            if (firstPort != 0) {
                port++;
            }
        }
        LOG.info("Demo services on {}", services.baseUrls());
        return services;
    }

    public Map<UpstreamService, String> baseUrls() {
        Map<UpstreamService, String> urls = new EnumMap<>(UpstreamService.class);
        servers.forEach((service, server) -> urls.put(service, "http://127.0.0.1:" + server.getAddress().getPort()));
        return urls;
    }

    /** Orders the demo engine has taken: client order id → its order id (one entry per id, however often sent). */
    public Map<String, String> acceptedOrders() {
        Map<String, String> accepted = new java.util.TreeMap<>();
        synchronized (orders) {
            orders.forEach((id, order) -> {
                try {
                    accepted.put(id, json.readTree(order.response()).path("order_id").asText());
                } catch (IOException e) {
                    accepted.put(id, "?");
                }
            });
        }
        return accepted;
    }

    public DemoMarket market() {
        return market;
    }

    /** Demo control: an accepted order fills after a delay drawn from [min, max] (1–5 s unless set). */
    public void fillDelay(java.time.Duration min, java.time.Duration max) {
        fillDelayMinMs = min.toMillis();
        fillDelayMaxMs = Math.max(min.toMillis(), max.toMillis());
    }

    /**
     * Demo control: {@code POST /orders} takes the order at once but answers only after {@code delay}: a desk whose
     * timeout is shorter gives up while the engine already holds the order.
     */
    public void orderAnswerDelay(java.time.Duration delay) {
        orderAnswerDelayMs = delay.toMillis();
    }

    /**
     * The demo engine's books per symbol, read in one step (fills happen under the same lock): signed held plus
     * unfilled working contracts, + long.
     */
    public Map<String, Integer> exposureContracts() {
        Map<String, Integer> working = new HashMap<>();
        synchronized (orders) {
            for (DemoMarket.Position p : market.positions()) {
                working.merge(p.symbol(), p.side() == Direction.LONG ? p.contracts() : -p.contracts(), Integer::sum);
            }
            for (WorkingOrder o : this.working.values()) {
                int open = o.quantity - o.filled;
                if (open > 0) {
                    working.merge(o.symbol, o.side == Direction.LONG ? open : -open, Integer::sum);
                }
            }
        }
        return working;
    }

    /** Orders the demo engine holds that are not filled yet (for tests). */
    public int workingOrderCount() {
        synchronized (orders) {
            return (int) working.values().stream().filter(o -> o.filled < o.quantity).count();
        }
    }

    /**
     * Demo control: until {@code until}, requests for {@code path} (e.g. {@code /trades}) are held and answered only
     * then, as a slow service would: for trying what the desk does before an input arrives.
     */
    public void holdAnswers(String path, Instant until) {
        pathDelayUntilMillis.put(path, until.toEpochMilli());
    }

    /** Demo control: {@code service} answers {@code path} for {@code symbol} with a 500, from now on. */
    public void failFor(UpstreamService service, String path, String symbol) {
        faults.put(service + "|" + path + "|" + symbol, "500");
    }

    /** Demo control: {@code service} answers {@code path} for {@code symbol} with a body that is not JSON, from now on. */
    public void garbageFor(UpstreamService service, String path, String symbol) {
        faults.put(service + "|" + path + "|" + symbol, "garbage");
    }

    /**
     * Demo control: the service stops listening for {@code downtime} and starts again on the same port, as a
     * redeployed service would: its clients' pooled connections are dead afterwards.
     */
    public void restart(UpstreamService service, java.time.Duration downtime) throws IOException, InterruptedException {
        HttpServer old = servers.get(service);
        InetSocketAddress address = old.getAddress();
        old.stop(0);
        Thread.sleep(downtime.toMillis());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), address.getPort()), 512);
        server.setExecutor(executor);
        server.createContext("/", exchange -> handle(service, exchange));
        server.start();
        servers.put(service, server);
    }

    /** Demo control: the service answers 503 with Retry-After until {@code until}. */
    public void outage(UpstreamService service, Instant until) {
        outageUntilMillis.put(service, until.toEpochMilli());
    }

    private void handle(UpstreamService service, HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String method = exchange.getRequestMethod();
            if (path.startsWith("/demo/")) {
                control(service, path, query, exchange);
                return;
            }
            Long heldUntil = pathDelayUntilMillis.get(path);
            long wait = heldUntil == null ? 0 : heldUntil - System.currentTimeMillis();
            if (wait > 0) {
                try {
                    Thread.sleep(wait); // a virtual thread per request: holding one holds nothing else
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            String fault = faults.get(service + "|" + path + "|" + query.getOrDefault("symbol", ""));
            if ("500".equals(fault)) {
                send(exchange, 500, error("demo fault: " + path + " fails for " + query.get("symbol")));
                return;
            }
            if ("garbage".equals(fault)) {
                sendRaw(exchange, 200, "<html>upstream proxy error</html>");
                return;
            }
            Long outage = outageUntilMillis.get(service);
            if (outage != null && System.currentTimeMillis() < outage) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                send(exchange, 503, error("demo outage: " + service.displayName() + " is down for a while"));
                return;
            }
            if (path.equals("/health")) {
                ObjectNode body = json.createObjectNode().put("status", "ok").put("version", "demo-1")
                        .put("uptime_s", java.time.Duration.between(startedAt, Instant.now()).toSeconds())
                        .put("detail", "Kelly Desk built-in demo " + service.displayName());
                send(exchange, 200, body);
                return;
            }
            switch (service) {
                case LSTM, ENSEMBLE -> predictor(service, path, method, query, exchange);
                case MARKET_DATA -> marketData(path, method, query, exchange);
                case TRADING_ENGINE -> tradingEngine(path, method, query, exchange);
            }
        } catch (RuntimeException e) {
            LOG.error("Demo {} failed on {}", service, exchange.getRequestURI(), e);
        }
    }

    private void predictor(UpstreamService service, String path, String method, Map<String, String> query, HttpExchange exchange) throws IOException {
        if (!path.equals("/predict") || !method.equals("GET")) {
            send(exchange, 404, error("no such path " + path));
            return;
        }
        String symbol = query.get("symbol");
        if (symbol == null || !market.knows(symbol)) {
            send(exchange, 404, error("unknown symbol " + symbol));
            return;
        }
        DemoMarket.ModelView view = service == UpstreamService.LSTM ? market.lstm(symbol) : market.ensemble(symbol);
        ObjectNode body = json.createObjectNode().put("symbol", symbol)
                .put("direction", view.direction().name().toLowerCase(Locale.ROOT)).put("confidence", view.confidence());
        if (service == UpstreamService.LSTM) {
            body.put("price_target", market.quote(symbol).last()).put("horizon_minutes", 30).put("model_version", "lstm-demo.1");
        } else {
            ObjectNode members = body.putObject("individual_models");
            view.members().forEach(members::put);
            long agreeing = view.members().values().stream().filter(c -> c > 0.5).count();
            body.put("consensus_strength", agreeing / (double) Math.max(1, view.members().size())).put("model_version", "ens-demo.1");
        }
        body.put("timestamp", view.madeAt().toString());
        send(exchange, 200, body);
    }

    private void marketData(String path, String method, Map<String, String> query, HttpExchange exchange) throws IOException {
        String symbol = query.get("symbol");
        switch (path) {
            case "/symbols" -> {
                ObjectNode body = json.createObjectNode();
                ArrayNode list = body.putArray("symbols");
                market.symbols().forEach(list::add);
                send(exchange, 200, body);
            }
            case "/quote" -> {
                if (symbol == null || !market.knows(symbol)) {
                    send(exchange, 404, error("unknown symbol " + symbol));
                    return;
                }
                DemoInstrument i = market.instrument(symbol);
                DemoMarket.QuoteView q = market.quote(symbol);
                send(exchange, 200, json.createObjectNode().put("symbol", symbol).put("last", q.last()).put("bid", q.bid())
                        .put("ask", q.ask()).put("tick_size", i.tickSize()).put("point_value", i.pointValueCurrency())
                        .put("currency", "USD").put("atr", q.atrPoints()).put("atr_period", 14).put("timestamp", q.at().toString()));
            }
            case "/bars" -> {
                if (symbol == null || !market.knows(symbol)) {
                    send(exchange, 404, error("unknown symbol " + symbol));
                    return;
                }
                int count = parseInt(query.get("count"), 60);
                ObjectNode body = json.createObjectNode().put("symbol", symbol).put("interval", "1d");
                ArrayNode bars = body.putArray("bars");
                for (DemoMarket.DailyBar bar : market.dailyBars(symbol, count)) {
                    bars.addObject().put("time", bar.time().toString()).put("open", bar.open()).put("high", bar.high())
                            .put("low", bar.low()).put("close", bar.close()).put("volume", bar.volume());
                }
                send(exchange, 200, body);
            }
            default -> send(exchange, 404, error("no such path " + path));
        }
    }

    private void tradingEngine(String path, String method, Map<String, String> query, HttpExchange exchange) throws IOException {
        switch (path) {
            case "/account" -> send(exchange, 200, json.createObjectNode().put("account_id", "DEMO-01")
                    .put("equity", Math.round(market.equity() * 100) / 100.0).put("peak_equity", Math.round(market.peakEquity() * 100) / 100.0)
                    .put("currency", "USD").put("timestamp", market.clock().instant().toString()));
            case "/positions" -> {
                ObjectNode body = json.createObjectNode();
                ArrayNode list = body.putArray("positions");
                for (DemoMarket.Position p : market.positions()) {
                    list.addObject().put("symbol", p.symbol()).put("contracts", p.contracts())
                            .put("side", p.side().name().toLowerCase(Locale.ROOT)).put("avg_price", p.avgPrice());
                }
                send(exchange, 200, body);
            }
            case "/trades" -> {
                String symbol = query.get("symbol");
                if (symbol == null || !market.knows(symbol)) {
                    send(exchange, 404, error("unknown symbol " + symbol));
                    return;
                }
                Instant since;
                try {
                    since = query.containsKey("since") ? Instant.parse(query.get("since")) : Instant.EPOCH;
                } catch (DateTimeParseException e) {
                    send(exchange, 400, error("since must be an ISO-8601 instant"));
                    return;
                }
                StringJoiner body = new StringJoiner(",", "{\"trades\":[", "]}");
                for (DemoMarket.DemoTrade t : market.trades(symbol, since)) {
                    body.add(tradeJson.computeIfAbsent(t, this::tradeJson));
                }
                sendRaw(exchange, 200, body.toString());
            }
            case "/orders" -> {
                switch (method) {
                    case "POST" -> order(exchange);
                    case "GET" -> listOrders(query, exchange);
                    default -> send(exchange, 405, error("GET or POST only"));
                }
            }
            default -> {
                if (path.startsWith("/orders/") && method.equals("GET")) {
                    oneOrder(URLDecoder.decode(path.substring("/orders/".length()), StandardCharsets.UTF_8), exchange);
                } else {
                    send(exchange, 404, error("no such path " + path));
                }
            }
        }
    }

    /** A closed trade never changes: its JSON is written once (for 500 symbols polled every second, this was most of the demo's CPU). */
    private String tradeJson(DemoMarket.DemoTrade t) {
        return json.createObjectNode().put("trade_id", t.tradeId()).put("symbol", t.symbol())
                .put("side", t.side().name().toLowerCase(Locale.ROOT)).put("contracts", t.contracts())
                .put("entry_time", t.entryTime().toString()).put("exit_time", t.exitTime().toString())
                .put("entry_price", t.entryPrice()).put("exit_price", t.exitPrice()).put("pnl", t.pnlCurrency()).toString();
    }

    /** Order intake, idempotent on client_order_id: same id and body → the first answer (200); other body → 409. */
    private void order(HttpExchange exchange) throws IOException {
        JsonNode request;
        try (InputStream in = exchange.getRequestBody()) {
            request = json.readTree(in.readNBytes(64 * 1024));
        } catch (IOException e) {
            send(exchange, 400, error("body is not JSON"));
            return;
        }
        String id = request.path("client_order_id").asText("");
        if (id.isBlank()) {
            send(exchange, 422, error("client_order_id is required").put("status", "rejected"));
            return;
        }
        synchronized (orders) {
            StoredOrder earlier = orders.get(id);
            if (earlier != null) {
                if (earlier.request().equals(request)) {
                    sendRaw(exchange, 200, earlier.response());
                } else {
                    send(exchange, 409, error("client_order_id " + id + " was used with a different order"));
                }
                return;
            }
            String problem = orderProblem(request);
            if (problem != null) {
                send(exchange, 422, error(problem).put("status", "rejected"));
                return;
            }
            String orderId = "E-" + orderSequence.incrementAndGet();
            String response = json.createObjectNode().put("order_id", orderId).put("client_order_id", id).put("status", "accepted").toString();
            orders.put(id, new StoredOrder(request, response));
            String symbol = request.get("symbol").asText();
            WorkingOrder order = new WorkingOrder(orderId, id, symbol,
                    request.get("side").asText().equals("buy") ? Direction.LONG : Direction.SHORT, request.get("quantity").asInt(),
                    market.clock().instant());
            working.put(id, order);
            scheduleFills(order);
        }
        long delay = orderAnswerDelayMs;
        if (delay > 0) {
            try {
                Thread.sleep(delay); // demo control: the answer comes late, the order is already taken
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        synchronized (orders) {
            sendRaw(exchange, 201, orders.get(id).response());
        }
    }

    /** Fills the order after 1–5 s (demo default); an order of 3 or more fills about half first, the rest later. */
    private void scheduleFills(WorkingOrder order) {
        long first;
        long second;
        synchronized (fillRandom) {
            first = fillDelayMinMs + (long) (fillRandom.nextDouble() * (fillDelayMaxMs - fillDelayMinMs));
            second = first + (long) (fillRandom.nextDouble() * Math.max(1, fillDelayMaxMs - first));
        }
        try {
            if (order.quantity >= 3) {
                int part = order.quantity / 2;
                fills.schedule(() -> fill(order, part), first, java.util.concurrent.TimeUnit.MILLISECONDS);
                fills.schedule(() -> fill(order, order.quantity - part), Math.max(second, first + 1), java.util.concurrent.TimeUnit.MILLISECONDS);
            } else {
                fills.schedule(() -> fill(order, order.quantity), first, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            LOG.debug("Demo engine closing; order {} stays working", order.orderId);
        }
    }

    /** Part of an order fills at the last price: the position follows, the order's state with it. */
    private void fill(WorkingOrder order, int contracts) {
        synchronized (orders) {
            market.fill(order.symbol, order.side, contracts, market.quote(order.symbol).last());
            order.filled += contracts;
            order.status = order.filled >= order.quantity ? "filled" : "partially_filled";
            order.updated = market.clock().instant();
        }
    }

    /** {@code GET /orders?since=…}: every order received since then (default: the start of today, UTC), oldest first. */
    private void listOrders(Map<String, String> query, HttpExchange exchange) throws IOException {
        Instant since;
        try {
            since = query.containsKey("since") ? Instant.parse(query.get("since"))
                    : market.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        } catch (DateTimeParseException e) {
            send(exchange, 400, error("since must be an ISO-8601 instant"));
            return;
        }
        ObjectNode body = json.createObjectNode();
        ArrayNode list = body.putArray("orders");
        synchronized (orders) {
            working.values().stream().filter(o -> !o.received.isBefore(since)).forEach(o -> list.add(orderJson(o)));
        }
        send(exchange, 200, body);
    }

    /** {@code GET /orders/{client_order_id}}: one order, or 404 when the engine never received that id. */
    private void oneOrder(String clientOrderId, HttpExchange exchange) throws IOException {
        ObjectNode body;
        synchronized (orders) {
            WorkingOrder o = working.get(clientOrderId);
            body = o == null ? null : orderJson(o);
        }
        if (body == null) {
            send(exchange, 404, error("no order with client_order_id " + clientOrderId));
        } else {
            send(exchange, 200, body);
        }
    }

    private ObjectNode orderJson(WorkingOrder o) {
        return json.createObjectNode().put("order_id", o.orderId).put("client_order_id", o.clientOrderId).put("symbol", o.symbol)
                .put("side", o.side == Direction.LONG ? "buy" : "sell").put("quantity", o.quantity).put("filled_quantity", o.filled)
                .put("status", o.status).put("updated", o.updated.toString());
    }

    private String orderProblem(JsonNode r) {
        String symbol = r.path("symbol").asText("");
        if (!market.knows(symbol)) {
            return "unknown symbol " + symbol;
        }
        String side = r.path("side").asText("");
        if (!side.equals("buy") && !side.equals("sell")) {
            return "side must be buy or sell";
        }
        JsonNode quantity = r.get("quantity");
        if (quantity == null || !quantity.isIntegralNumber() || quantity.asInt() <= 0) {
            return "quantity must be a positive whole number";
        }
        if (quantity.asInt() > MAX_ORDER_QUANTITY) {
            return "quantity " + quantity.asInt() + " is above the engine's limit of " + MAX_ORDER_QUANTITY;
        }
        String type = r.path("type").asText("");
        if (!type.equals("market") && !type.equals("limit")) {
            return "type must be market or limit";
        }
        if (type.equals("limit") && !r.path("limit_price").isNumber()) {
            return "limit_price is required for a limit order";
        }
        return null;
    }

    private void control(UpstreamService service, String path, Map<String, String> query, HttpExchange exchange) throws IOException {
        switch (path) {
            case "/demo/outage" -> {
                outage(service, Instant.now().plusSeconds(parseInt(query.get("seconds"), 30)));
                send(exchange, 200, json.createObjectNode().put("outage", service.displayName()));
            }
            case "/demo/fill-delay" -> {
                fillDelay(java.time.Duration.ofMillis(parseInt(query.get("min_ms"), 1_000)),
                        java.time.Duration.ofMillis(parseInt(query.get("max_ms"), 5_000)));
                send(exchange, 200, json.createObjectNode().put("fill_delay_min_ms", fillDelayMinMs).put("fill_delay_max_ms", fillDelayMaxMs));
            }
            case "/demo/order-answer-delay" -> {
                orderAnswerDelay(java.time.Duration.ofMillis(parseInt(query.get("ms"), 0)));
                send(exchange, 200, json.createObjectNode().put("order_answer_delay_ms", orderAnswerDelayMs));
            }
            case "/demo/drawdown" -> {
                market.forceDrawdown(Double.parseDouble(query.getOrDefault("fraction", "0")));
                send(exchange, 200, json.createObjectNode().put("equity", market.equity()));
            }
            default -> send(exchange, 404, error("no such demo control " + path));
        }
    }

    private ObjectNode error(String message) {
        return json.createObjectNode().put("error", message);
    }

    private void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        sendRaw(exchange, status, json.writeValueAsString(body));
    }

    private static void sendRaw(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    private static int parseInt(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @Override
    public void close() {
        servers.values().forEach(server -> server.stop(0));
        fills.shutdownNow();
        executor.shutdownNow();
    }
}
