package io.kellydesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.kellydesk.core.Account;
import io.kellydesk.core.Direction;
import io.kellydesk.core.KellySizer;
import io.kellydesk.core.ModelId;
import io.kellydesk.core.PayoffStatistics;
import io.kellydesk.core.Prediction;
import io.kellydesk.core.Quote;
import io.kellydesk.core.Recommendation;
import io.kellydesk.core.SizingContext;
import io.kellydesk.core.SizingInputs;
import io.kellydesk.core.SizingSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The words a tile shows: STALE only for inputs that aged; an input that never answered validly is named with its error. */
class SymbolStatusTest {

    private static final Instant NOW = Instant.parse("2026-11-23T14:30:00Z");
    private static final SizingContext CONTEXT = SizingContext.of(SizingSettings.defaults(), null);

    private static SizingInputs.Builder desk(Instant lstmAsOf) {
        // LSTM long 0.7, b = 1, equity 1,000,000 at its peak: f 0.2 → capped at 5 contracts
        return SizingInputs.builder("HGH27-COMEX", NOW)
                .prediction(new Prediction(ModelId.LSTM, "HGH27-COMEX", Direction.LONG, 0.7, Map.of(), "v", lstmAsOf), lstmAsOf)
                .payoff(PayoffStatistics.NONE).account(new Account("A", 1_000_000, 1_000_000, "USD", NOW))
                .quote(new Quote("HGH27-COMEX", 4, 4, 4, 0.0005, 25_000, "USD", 0.05, 14, NOW)).positions(0).working(0);
    }

    private static SymbolSnapshot snapshot(Recommendation r, SymbolSnapshot.InputStatus lstm, SymbolSnapshot.InputStatus ensemble) {
        SymbolSnapshot.InputStatus fresh = new SymbolSnapshot.InputStatus(Optional.of(NOW), Optional.empty());
        return new SymbolSnapshot(r.symbol(), r, NOW, Map.of(ModelId.LSTM, lstm, ModelId.ENSEMBLE, ensemble), fresh,
                Duration.ofSeconds(60), fresh, fresh);
    }

    @Test
    void anEnsembleThatNeverAnsweredValidlyIsNamedNotCalledStale() {
        Recommendation r = KellySizer.recommend(desk(NOW).build(), CONTEXT);
        SymbolSnapshot s = snapshot(r, new SymbolSnapshot.InputStatus(Optional.of(NOW), Optional.empty()),
                new SymbolSnapshot.InputStatus(Optional.empty(), Optional.of("MALFORMED: not JSON")));
        SymbolStatus status = SymbolStatus.of(s, NOW);
        assertThat(status.kind()).isEqualTo(SymbolStatus.Kind.TRADE);
        assertThat(status.words()).isEqualTo("TRADE · capped at the position cap · no valid answer from the ensemble (MALFORMED: not JSON)");
    }

    @Test
    void anInputOlderThanItsLimitIsStaleWithItsAge() {
        // the LSTM's answer held as of 75 s ago (limit 60 s), its latest request failed
        Recommendation r = KellySizer.recommend(desk(NOW.minusSeconds(75)).build(), CONTEXT);
        SymbolSnapshot s = snapshot(r, new SymbolSnapshot.InputStatus(Optional.of(NOW.minusSeconds(75)), Optional.of("TIMEOUT: slow")),
                SymbolSnapshot.InputStatus.NONE);
        SymbolStatus status = SymbolStatus.of(s, NOW);
        assertThat(status.kind()).isEqualTo(SymbolStatus.Kind.STALE);
        assertThat(status.words()).isEqualTo("STALE · LSTM prediction 75 s old · input too old to use · last request to the LSTM failed (TIMEOUT: slow)");
    }

    @Test
    void aReductionUnderTheEmergencyCapIsShownAsAnEmergencyEvenWithoutATrade() {
        // confidence 0.55: no trade; drawdown 35 %, holding 4 long against the emergency cap 2 → sell 2
        Recommendation r = KellySizer.recommend(desk(NOW).prediction(new Prediction(ModelId.LSTM, "HGH27-COMEX", Direction.LONG, 0.55,
                Map.of(), "v", NOW)).account(new Account("A", 650_000, 1_000_000, "USD", NOW)).positions(4).build(), CONTEXT);
        SymbolSnapshot.InputStatus fresh = new SymbolSnapshot.InputStatus(Optional.of(NOW), Optional.empty());
        SymbolStatus status = SymbolStatus.of(snapshot(r, fresh, fresh), NOW);
        assertThat(status.kind()).isEqualTo(SymbolStatus.Kind.EMERGENCY);
        assertThat(status.words()).isEqualTo("EMERGENCY · drawdown 35.0 % · cap 2 · win probability below the confidence threshold");
        assertThat(PositionWords.orderLine(r)).isEqualTo("reduce 2: emergency cap 2 · holding 4 long · sell 2");
    }
}
