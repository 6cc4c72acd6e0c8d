package io.kellydesk.feeds;

import io.kellydesk.core.Account;
import io.kellydesk.core.Bar;
import io.kellydesk.core.ClosedTrade;
import io.kellydesk.core.EngineOrder;
import io.kellydesk.core.ModelId;
import io.kellydesk.core.Position;
import io.kellydesk.core.Prediction;
import io.kellydesk.core.Quote;
import io.kellydesk.core.UpstreamService;
import java.time.Instant;
import java.util.List;

/** The contract's requests, each returning typed data or a typed failure. Blocking: call off the FX thread. */
public final class UpstreamClient {

    private final UpstreamHttp http;
    private final UnchangedBodies<List<ClosedTrade>> trades = new UnchangedBodies<>();
    private final UnchangedBodies<List<Bar>> bars = new UnchangedBodies<>();

    public UpstreamClient(UpstreamHttp http) {
        this.http = http;
    }

    public FeedResult<Prediction> prediction(ModelId model, String symbol) {
        return http.get(UpstreamService.of(model), "predict", q -> q.addQueryParameter("symbol", symbol))
                .then(body -> ContractParser.prediction(body, model, symbol));
    }

    public FeedResult<Quote> quote(String symbol) {
        return http.get(UpstreamService.MARKET_DATA, "quote", q -> q.addQueryParameter("symbol", symbol))
                .then(body -> ContractParser.quote(body, symbol));
    }

    public FeedResult<List<String>> symbols() {
        return http.get(UpstreamService.MARKET_DATA, "symbols", q -> { }).then(ContractParser::symbols);
    }

    public FeedResult<List<Bar>> dailyBars(String symbol, int count) {
        return http.getBytes(UpstreamService.MARKET_DATA, "bars", q -> q.addQueryParameter("symbol", symbol)
                        .addQueryParameter("interval", "1d").addQueryParameter("count", Integer.toString(count)))
                .then(body -> bars.parse(symbol + '|' + count, body, b -> http.json(b).then(json -> ContractParser.bars(json, symbol))));
    }

    public FeedResult<Account> account() {
        return http.get(UpstreamService.TRADING_ENGINE, "account", q -> { }).then(ContractParser::account);
    }

    public FeedResult<List<Position>> positions() {
        return http.get(UpstreamService.TRADING_ENGINE, "positions", q -> { }).then(ContractParser::positions);
    }

    public FeedResult<List<ClosedTrade>> trades(String symbol, Instant since) {
        return http.getBytes(UpstreamService.TRADING_ENGINE, "trades", q -> q.addQueryParameter("symbol", symbol)
                        .addQueryParameter("since", since.toString()))
                .then(body -> trades.parse(symbol, body, b -> http.json(b).then(json -> ContractParser.trades(json, symbol))));
    }

    /** {@code GET /orders?since=…}: the engine's orders of the day, working and final. */
    public FeedResult<List<EngineOrder>> orders(Instant since) {
        return http.get(UpstreamService.TRADING_ENGINE, "orders", q -> q.addQueryParameter("since", since.toString()))
                .then(ContractParser::orders);
    }

    /** {@code GET /orders/{client_order_id}}: one order's true state; NOT_FOUND when the engine never received it. */
    public FeedResult<EngineOrder> order(String clientOrderId) {
        return http.get(UpstreamService.TRADING_ENGINE, "orders", q -> q.addPathSegment(clientOrderId)).then(ContractParser::order);
    }

    FeedResult<ContractParser.HealthAnswer> health(UpstreamService service) {
        return http.get(service, "health", q -> { }).then(ContractParser::health);
    }

    public boolean isConfigured(UpstreamService service) {
        return http.isConfigured(service);
    }
}
