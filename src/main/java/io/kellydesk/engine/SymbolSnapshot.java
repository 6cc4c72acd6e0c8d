package io.kellydesk.engine;

import io.kellydesk.core.Recommendation;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A symbol's latest recommendation with the state of each input behind it, for the tile and the detail pane.
 * Ages are computed by the reader from the data times, so they keep counting between updates.
 */
public record SymbolSnapshot(String symbol, Recommendation recommendation, Instant computedAt,
                             InputStatus lstm, InputStatus ensemble, InputStatus quote, Duration maxAge,
                             InputStatus history, InputStatus bars) {

    /** Without the history's and bars' status (tests, scenarios). */
    public SymbolSnapshot(String symbol, Recommendation recommendation, Instant computedAt, InputStatus lstm, InputStatus ensemble,
                          InputStatus quote, Duration maxAge) {
        this(symbol, recommendation, computedAt, lstm, ensemble, quote, maxAge, InputStatus.NONE, InputStatus.NONE);
    }

    /**
     * @param dataTime  the time of the last good data (the service's timestamp), empty when none ever arrived
     * @param lastError the last failure since that data, when the latest poll failed
     */
    public record InputStatus(Optional<Instant> dataTime, Optional<String> lastError) {
        public static final InputStatus NONE = new InputStatus(Optional.empty(), Optional.empty());

        public Optional<Duration> ageAt(Instant now) {
            return dataTime.map(t -> Duration.between(t, now));
        }
    }

    /** True when any prediction or the quote is missing or older than the maximum age at {@code now}. */
    public boolean isStaleAt(Instant now) {
        return stale(lstm, now) || stale(ensemble, now) || stale(quote, now);
    }

    private boolean stale(InputStatus status, Instant now) {
        return status.ageAt(now).map(age -> age.compareTo(maxAge) > 0).orElse(true);
    }
}
