package io.kellydesk.core;

import java.util.List;
import java.util.Optional;

/** Where handoffs are recorded (the decision log); each call returns once the write is on disk. */
public interface HandoffJournal {

    /** Records a new handoff with its client order id, before any request goes out. Throws when it cannot. */
    void created(HandoffRecord handoff) throws Exception;

    /** Records a state change. */
    void changed(HandoffRecord handoff, Optional<String> responseJson) throws Exception;

    /** Handoffs whose state is not final (left by a stopped desk), oldest first, with their stored request. */
    List<Unfinished> unfinished() throws Exception;

    /** What a restart finds: the id, the exact request, who and when. */
    record Unfinished(String clientOrderId, String symbol, String side, int quantity, String requestJson, HandoffStatus status,
                      java.time.Instant createdAt) {
    }
}
