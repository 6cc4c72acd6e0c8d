package io.kellydesk.store;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * A recommendation as read back from the log, with the columns the desk lists (the full row, inputs
 * included, comes from {@link DecisionQueries#row}). Nullable values were not reached by the method.
 *
 * @param pWin           win probability used, or null
 * @param fUsed          fraction of equity used, or null
 * @param capitalAtRisk  currency
 */
@JsonPropertyOrder({"id", "symbol", "decidedAt", "status", "reason", "reasonDetail", "direction", "pWin", "fKelly", "fUsed",
    "contracts", "capitalAtRisk", "emergency", "inputsHash", "settingsVersion"})
public record LoggedRecommendation(long id, String symbol, Instant decidedAt, String status, String reason, String reasonDetail,
                                   String direction, Double pWin, Double fKelly, Double fUsed, int contracts, double capitalAtRisk,
                                   boolean emergency, String inputsHash, String settingsVersion) {
}
