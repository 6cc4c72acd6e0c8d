package io.kellydesk.core;

import java.time.Instant;

/**
 * A recommendation as read back from the decision log, with the columns the desk lists (the full row, inputs
 * included, is read separately). Nullable values were not reached by the method.
 *
 * @param pWin           win probability used, or null
 * @param fUsed          fraction of equity used, or null
 * @param capitalAtRisk  currency
 * @param heldContracts  signed contracts held when decided (+ long); null in rows written before schema 2
 * @param orderContracts signed order on offer (+ buy); null before schema 2
 * @param action         ADD, REDUCE, REVERSE or NONE
 */
public record LoggedDecision(long id, String symbol, Instant decidedAt, String status, String reason, String reasonDetail,
                                   String direction, Double pWin, Double fKelly, Double fUsed, int contracts, double capitalAtRisk,
                                   boolean emergency, String inputsHash, String settingsVersion,
                                   Integer heldContracts, Integer workingContracts, Integer targetContracts, Integer orderContracts,
                                   String action) {
}
