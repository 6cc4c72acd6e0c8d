package io.kellydesk.engine;

import io.kellydesk.core.DeskPreferences;
import io.kellydesk.core.HandoffRecord;
import io.kellydesk.core.OrderTicket;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** What the desk's handoff controls ask of the rest of the application. */
public interface HandoffPort {

    /** Sends the ticket (a person clicked); completes at the final state or fails with the refusal. */
    CompletableFuture<HandoffRecord> handOff(OrderTicket ticket);

    /** Resends a failed or unresolved handoff with its own client order id. */
    CompletableFuture<HandoffRecord> retry(String clientOrderId);

    /** The symbol's engine handoff with no known outcome (or never received): only a retry with its id may follow. */
    java.util.Optional<HandoffRecord> unresolved(String symbol);

    /** Closes an unresolved handoff without resending it. */
    void dismiss(String clientOrderId, String why);

    /** Today's handoffs, newest first (background thread). */
    List<HandoffRecord> today() throws Exception;

    /**
     * Why no handoff can be made at all, when none can: without a writable decision log nothing may be sent (no order
     * without its audit row). Empty when handoffs are possible.
     */
    default java.util.Optional<String> unavailable() {
        return java.util.Optional.empty();
    }

    /** The desk preferences in force (target, one-click). */
    DeskPreferences preferences();
}
