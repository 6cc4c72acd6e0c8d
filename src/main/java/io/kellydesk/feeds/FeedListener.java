package io.kellydesk.feeds;

import io.kellydesk.core.Account;
import io.kellydesk.core.Bar;
import io.kellydesk.core.ClosedTrade;
import io.kellydesk.core.EngineOrder;
import io.kellydesk.core.ModelId;
import io.kellydesk.core.Position;
import io.kellydesk.core.Prediction;
import io.kellydesk.core.Quote;
import io.kellydesk.core.ServiceHealth;
import java.util.List;

/**
 * Receives every poll's outcome, on the poller's background (virtual) threads. Implementations must be
 * thread-safe and quick (microseconds of work, never a blocking call).
 */
public interface FeedListener {

    void onSymbols(List<String> symbols);

    void onPrediction(ModelId model, String symbol, FeedResult<Prediction> result);

    void onQuote(String symbol, FeedResult<Quote> result);

    void onAccount(FeedResult<Account> result);

    void onPositions(FeedResult<List<Position>> result);

    /** The engine's orders of the day ({@code GET /orders}). */
    void onOrders(FeedResult<List<EngineOrder>> result);

    /**
     * The engine's orders and then its positions, asked one after the other in one poll: a listener that applies them
     * together never sees a fill in neither.
     */
    default void onExposure(FeedResult<List<EngineOrder>> orders, FeedResult<List<Position>> positions) {
        onOrders(orders);
        onPositions(positions);
    }

    void onTrades(String symbol, FeedResult<List<ClosedTrade>> result);

    void onBars(String symbol, FeedResult<List<Bar>> result);

    void onHealth(ServiceHealth health);
}
