package io.kellydesk.engine;

import io.kellydesk.core.ModelId;
import io.kellydesk.core.Recommendation;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A symbol's latest recommendation with the state of each input behind it, for the tile and the detail pane.
 * Ages are computed by the reader from the data times, so they keep counting between updates.
 */
public record SymbolSnapshot(String symbol, Recommendation recommendation, Instant computedAt,
                             Map<ModelId, InputStatus> predictions, InputStatus quote, Duration maxAge,
                             InputStatus history, InputStatus bars) {

    public SymbolSnapshot {
        predictions = Map.copyOf(predictions);
    }

    /** Two models, without the history's and bars' status (tests, scenarios). */
    public SymbolSnapshot(String symbol, Recommendation recommendation, Instant computedAt, InputStatus lstm, InputStatus ensemble,
                          InputStatus quote, Duration maxAge) {
        this(symbol, recommendation, computedAt, Map.of(ModelId.LSTM, lstm, ModelId.ENSEMBLE, ensemble), quote, maxAge,
                InputStatus.NONE, InputStatus.NONE);
    }

    /** The model's input state; {@link InputStatus#NONE} for a model that never answered. */
    public InputStatus prediction(ModelId model) {
        return predictions.getOrDefault(model, InputStatus.NONE);
    }

    /**
     * @param dataTime  the time as of which the last good data holds (received, or the service's timestamp where older),
     *                  empty when none ever arrived
     * @param lastError the last failure since that data, when the latest poll failed
     */
    public record InputStatus(Optional<Instant> dataTime, Optional<String> lastError) {
        public static final InputStatus NONE = new InputStatus(Optional.empty(), Optional.empty());

        public Optional<Duration> ageAt(Instant now) {
            return dataTime.map(t -> Duration.between(t, now));
        }
    }
}
