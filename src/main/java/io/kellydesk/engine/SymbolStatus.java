package io.kellydesk.engine;

import io.kellydesk.core.InputKind;
import io.kellydesk.core.OrderAction;
import io.kellydesk.core.Recommendation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A symbol's status in one word and a line of words, the one rule the tile, the table and the detail pane render:
 * STALE only for inputs that aged past their limit; an input that never gave a valid answer is named with its
 * error, not called stale; a failing request is named even while its last good answer still stands. Pure: no JavaFX.
 *
 * @param kind  what colour the status takes
 * @param words "STALE · quote 75 s old · …", "TRADE · no valid answer from the ensemble (MALFORMED: …)"
 */
public record SymbolStatus(Kind kind, String words) {

    public enum Kind { TRADE, NO_TRADE, STALE, EMERGENCY }

    public static SymbolStatus of(SymbolSnapshot s, Instant now) {
        Recommendation r = s.recommendation();
        List<String> notes = notes(s, now);
        String tail = notes.isEmpty() ? "" : " · " + String.join(" · ", notes);
        if (!r.staleInputs().isEmpty()) {
            List<String> aged = new ArrayList<>();
            for (InputKind kind : r.staleInputs()) {
                aged.add(kind.words() + age(r, kind, now).map(a -> " " + AgeWords.of(a) + " old").orElse(""));
            }
            return new SymbolStatus(Kind.STALE, "STALE · " + String.join(", ", aged)
                    + (r.isTrade() ? "" : " · " + r.reason().words()) + tail);
        }
        if (r.emergency() && (r.isTrade() || r.action() == OrderAction.REDUCE)) {
            return new SymbolStatus(Kind.EMERGENCY, "EMERGENCY · drawdown " + r.drawdownFraction().stream()
                    .mapToObj(SymbolStatus::pct).findFirst().orElse("—") + " · cap " + r.positionCapContracts()
                    + (r.isTrade() ? " · size cut" : " · " + r.reason().words()) + tail);
        }
        if (r.isTrade()) {
            return new SymbolStatus(Kind.TRADE, "TRADE" + (r.cappedAtMaxPosition() ? " · capped at the position cap" : "") + tail);
        }
        return new SymbolStatus(Kind.NO_TRADE, "NO TRADE · " + r.reason().words() + tail);
    }

    /** Inputs that never gave a valid answer (with their error), and inputs whose latest requests fail. */
    private static List<String> notes(SymbolSnapshot s, Instant now) {
        List<String> notes = new ArrayList<>();
        for (io.kellydesk.core.ModelId model : io.kellydesk.core.ModelId.values()) {
            note(notes, model.inSentence(), s.prediction(model));
        }
        note(notes, "market data (quote)", s.quote());
        note(notes, "the trading engine (trade history)", s.history());
        return notes;
    }

    private static void note(List<String> notes, String source, SymbolSnapshot.InputStatus status) {
        if (status.lastError().isEmpty()) {
            return;
        }
        String error = status.lastError().get();
        if (status.dataTime().isEmpty()) {
            notes.add("no valid answer from " + source + " (" + error + ")");
        } else {
            notes.add("last request to " + source + " failed (" + error + ")");
        }
    }

    private static Optional<Duration> age(Recommendation r, InputKind kind, Instant now) {
        Instant asOf = r.inputs().asOf().get(kind);
        return asOf == null ? Optional.empty() : Optional.of(Duration.between(asOf, now));
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }
}
