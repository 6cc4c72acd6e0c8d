package io.kellydesk.engine;

import io.kellydesk.core.Bar;
import io.kellydesk.core.ClosedTrade;
import io.kellydesk.core.ModelId;
import io.kellydesk.core.PayoffStatistics;
import io.kellydesk.core.Prediction;
import io.kellydesk.core.Quote;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The latest good data of one symbol, the time as of which each holds (spec step 0: when it was received, or the
 * service's own timestamp where older), and the last failure of each feed since. A time of null means the input
 * never arrived. Written by poll threads, read by the compute thread: each field is replaced whole (volatile).
 */
final class SymbolBook {

    final String symbol;
    /** One slot per prediction service, made at construction: the map itself never changes. */
    final Map<ModelId, PredictionSlot> predictions = new EnumMap<>(ModelId.class);
    volatile Quote quote;
    volatile Instant quoteAt;
    volatile String quoteError;
    volatile List<ClosedTrade> trades = List.of();
    /** Null until the first valid history arrived: a prior standing in for it would be an invented number. */
    volatile PayoffStatistics payoff;
    volatile Instant tradesAt;
    volatile String tradesError;
    volatile List<Bar> bars = List.of();
    volatile Instant barsAt;
    volatile String barsError;

    /** Work counter for keyed serial computing: one drainer per symbol, bursts coalesce. */
    final AtomicInteger pending = new AtomicInteger();
    /** Touched only by the symbol's drainer. */
    String lastCacheKey = "";
    Instant lastLoggedAt = Instant.MIN;
    String lastLoggedHash = "";

    SymbolBook(String symbol) {
        this.symbol = symbol;
        for (ModelId model : ModelId.values()) {
            predictions.put(model, new PredictionSlot());
        }
    }

    /** A model's latest good prediction (null until one arrived), its time, and the last failure since. */
    static final class PredictionSlot {
        volatile Prediction prediction;
        volatile Instant at;
        volatile String error;
    }
}
