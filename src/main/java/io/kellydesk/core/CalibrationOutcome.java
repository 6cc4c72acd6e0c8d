package io.kellydesk.core;

import java.util.OptionalDouble;

/**
 * One resolved trade with what each model said before it: the side taken, each model's P(long) (empty when that
 * model had no prediction), the blended p_raw of the side taken, the p used for sizing, and whether it won.
 */
public record CalibrationOutcome(Direction side, OptionalDouble lstmProbabilityLong, OptionalDouble ensembleProbabilityLong,
                                 double rawWinProbability, OptionalDouble usedWinProbability, boolean won) {
}
