package io.kellydesk.engine;

import io.kellydesk.core.Recommendation;

/** Where every recomputed recommendation goes to be logged (the store implements it). Must not block. */
public interface DecisionSink {

    void record(Recommendation recommendation);

    /** Nothing changed for a minute: the log notes the symbol was still watched with the same inputs. */
    default void heartbeat(String symbol, String inputsHash, java.time.Instant at) {
    }

    /** New closed trades of a symbol: the log resolves them to the recommendations they followed. */
    default void tradesClosed(java.util.List<io.kellydesk.core.ClosedTrade> trades) {
    }
}
