package io.kellydesk.engine;

import io.kellydesk.core.Bar;
import io.kellydesk.core.ClosedTrade;
import io.kellydesk.core.PayoffStatistics;
import io.kellydesk.core.Prediction;
import io.kellydesk.core.Quote;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The latest good data of one symbol, and the last failure of each feed since. Written by poll threads,
 * read by the compute thread: each field is replaced whole (volatile), never mutated.
 */
final class SymbolBook {

    final String symbol;
    volatile Prediction lstm;
    volatile String lstmError;
    volatile Prediction ensemble;
    volatile String ensembleError;
    volatile Quote quote;
    volatile String quoteError;
    volatile List<ClosedTrade> trades = List.of();
    volatile PayoffStatistics payoff = PayoffStatistics.NONE;
    volatile List<Bar> bars = List.of();

    /** Work counter for keyed serial computing: one drainer per symbol, bursts coalesce. */
    final AtomicInteger pending = new AtomicInteger();
    /** Touched only by the symbol's drainer. */
    String lastCacheKey = "";
    java.time.Instant lastLoggedAt = java.time.Instant.MIN;
    String lastLoggedHash = "";

    SymbolBook(String symbol) {
        this.symbol = symbol;
    }
}
