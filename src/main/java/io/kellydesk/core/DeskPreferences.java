package io.kellydesk.core;

import java.util.List;
import java.util.Objects;

/**
 * The {@code desk} section of the settings file: the trader's preferences (watchlist, chart, theme) and the hand-off
 * and governance settings that belong to the risk officer (see {@link SettingsSection#HANDOFF}).
 *
 * @param watchlist               symbols in the order the trader wants their tiles; empty = every symbol, by name
 * @param chartFixedContracts     N of the "fixed N contracts" curve in the Kelly-vs-fixed chart, contracts
 * @param theme                   "dark" or "light"
 * @param handoffTarget           where a handed-off order goes
 * @param handoffFolder           the watched folder for {@link HandoffTarget#FOLDER}; blank otherwise
 * @param oneClickHandoff         true: the Hand off click sends at once, with no ticket
 * @param handoffGiveUpSeconds    how long a handoff is retried (same client order id) before it is given up, seconds
 * @param officerIdleRelockSeconds how long the unlocked limits stay unlocked without input, seconds
 * @param fourEyes                 true: a change that raises risk needs a second officer's PIN before it applies
 * @param apiPort                  the local read-only API's TCP port; 0 = off
 * @param apiBind                  the address the API listens on; 127.0.0.1 (this PC only) unless the officer says otherwise
 * @param timeZone                 the zone every time on the desk is shown in: "UTC", "local" (this PC's) or a region id
 *                                 such as "America/Chicago"; the decision log stores UTC whatever this says
 * @param alerts                   which events raise a notification, and whether with a sound
 */
public record DeskPreferences(List<String> watchlist, int chartFixedContracts, String theme, HandoffTarget handoffTarget,
                              String handoffFolder, boolean oneClickHandoff, int handoffGiveUpSeconds,
                              int officerIdleRelockSeconds, boolean fourEyes, int apiPort, String apiBind, String timeZone,
                              AlertPreferences alerts) {

    public static final int DEFAULT_API_PORT = 8765;
    public static final String UTC = "UTC";
    public static final String LOCAL = "local";

    /** With the time zone and alerts on their defaults. */
    public DeskPreferences(List<String> watchlist, int chartFixedContracts, String theme, HandoffTarget handoffTarget,
                           String handoffFolder, boolean oneClickHandoff, int handoffGiveUpSeconds, int officerIdleRelockSeconds,
                           boolean fourEyes, int apiPort, String apiBind) {
        this(watchlist, chartFixedContracts, theme, handoffTarget, handoffFolder, oneClickHandoff, handoffGiveUpSeconds,
                officerIdleRelockSeconds, fourEyes, apiPort, apiBind, UTC, AlertPreferences.defaults());
    }
    public static final String LOOPBACK = "127.0.0.1";

    /** With the API on its defaults. */
    public DeskPreferences(List<String> watchlist, int chartFixedContracts, String theme, HandoffTarget handoffTarget,
                           String handoffFolder, boolean oneClickHandoff, int handoffGiveUpSeconds, int officerIdleRelockSeconds,
                           boolean fourEyes) {
        this(watchlist, chartFixedContracts, theme, handoffTarget, handoffFolder, oneClickHandoff, handoffGiveUpSeconds,
                officerIdleRelockSeconds, fourEyes, DEFAULT_API_PORT, LOOPBACK);
    }

    /** Without four-eyes. */
    public DeskPreferences(List<String> watchlist, int chartFixedContracts, String theme, HandoffTarget handoffTarget,
                           String handoffFolder, boolean oneClickHandoff, int handoffGiveUpSeconds, int officerIdleRelockSeconds) {
        this(watchlist, chartFixedContracts, theme, handoffTarget, handoffFolder, oneClickHandoff, handoffGiveUpSeconds,
                officerIdleRelockSeconds, false);
    }

    public DeskPreferences {
        watchlist = List.copyOf(watchlist);
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(handoffTarget, "handoffTarget");
        handoffFolder = handoffFolder == null ? "" : handoffFolder;
        apiBind = apiBind == null || apiBind.isBlank() ? LOOPBACK : apiBind.trim();
        timeZone = timeZone == null || timeZone.isBlank() ? UTC : timeZone.trim();
        alerts = alerts == null ? AlertPreferences.defaults() : alerts;
    }

    /** The zone of {@link #timeZone()}; "local" is this PC's zone now. Throws for a zone id Java does not know. */
    public java.time.ZoneId zone() {
        return zoneOf(timeZone);
    }

    /** "UTC", "local" or a region id as a zone; throws {@link java.time.DateTimeException} for one Java does not know. */
    public static java.time.ZoneId zoneOf(String timeZone) {
        return timeZone.trim().equalsIgnoreCase(LOCAL) ? java.time.ZoneId.systemDefault() : java.time.ZoneId.of(timeZone.trim());
    }

    public static DeskPreferences defaults() {
        return new DeskPreferences(List.of(), 1, "dark", HandoffTarget.ENGINE, "", false, 30, 120);
    }

    public DeskPreferences withWatchlist(List<String> symbols) {
        return new DeskPreferences(symbols, chartFixedContracts, theme, handoffTarget, handoffFolder, oneClickHandoff,
                handoffGiveUpSeconds, officerIdleRelockSeconds, fourEyes, apiPort, apiBind, timeZone, alerts);
    }
}
