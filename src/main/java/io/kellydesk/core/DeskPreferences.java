package io.kellydesk.core;

import java.util.List;
import java.util.Objects;

/**
 * The {@code desk} section of the settings file: what a trader may change without the risk officer.
 *
 * @param watchlist               symbols in the order the trader wants their tiles; empty = every symbol, by name
 * @param chartFixedContracts     N of the "fixed N contracts" curve in the Kelly-vs-fixed chart, contracts
 * @param theme                   "dark" or "light"
 * @param handoffTarget           where a handed-off order goes
 * @param handoffFolder           the watched folder for {@link HandoffTarget#FOLDER}; blank otherwise
 * @param oneClickHandoff         true: the Hand off click sends at once, with no ticket
 * @param handoffGiveUpSeconds    how long a handoff is retried (same client order id) before it is given up, seconds
 * @param officerIdleRelockSeconds how long the unlocked limits stay unlocked without input, seconds
 */
public record DeskPreferences(List<String> watchlist, int chartFixedContracts, String theme, HandoffTarget handoffTarget,
                              String handoffFolder, boolean oneClickHandoff, int handoffGiveUpSeconds,
                              int officerIdleRelockSeconds) {

    public DeskPreferences {
        watchlist = List.copyOf(watchlist);
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(handoffTarget, "handoffTarget");
        handoffFolder = handoffFolder == null ? "" : handoffFolder;
    }

    public static DeskPreferences defaults() {
        return new DeskPreferences(List.of(), 1, "dark", HandoffTarget.ENGINE, "", false, 30, 120);
    }

    public DeskPreferences withWatchlist(List<String> symbols) {
        return new DeskPreferences(symbols, chartFixedContracts, theme, handoffTarget, handoffFolder, oneClickHandoff,
                handoffGiveUpSeconds, officerIdleRelockSeconds);
    }
}
