package io.kellydesk.core;

import java.util.OptionalDouble;

/**
 * Spec steps 1 and 2 for one symbol.
 *
 * @param probabilityLong  p_long, the weighted probability the symbol goes up
 * @param rawWinProbability p_raw = max(p_long, 1 − p_long)
 * @param winProbability   p: calibrated when enough outcomes exist, else p_raw
 * @param confidenceSpread |c_lstm − c_ensemble| when both models answered
 */
public record ProbabilityEstimate(double probabilityLong, double rawWinProbability, double winProbability,
                                  boolean calibrated, Direction direction, ModelAgreement agreement,
                                  OptionalDouble confidenceSpread, int modelsUsed) {

    public enum ModelAgreement { BOTH_AGREE, DISAGREE, SINGLE_MODEL }
}
