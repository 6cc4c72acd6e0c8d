package io.kellydesk.desk.fx;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The one time zone of the desk's screens (the trader's choice in the Desk settings): every time shown goes through
 * here, and every header names the zone, so no two panes disagree about what 13:12 means. Times keep milliseconds:
 * two decisions of one symbol in the same second are told apart. FX thread.
 */
public final class DeskTime {

    private final ObjectProperty<ZoneId> zone = new SimpleObjectProperty<>(this, "zone", ZoneOffset.UTC);
    private DateTimeFormatter time;
    private DateTimeFormatter dateTime;
    private DateTimeFormatter clock;

    public DeskTime() {
        zone.addListener((obs, was, now) -> formatters(now));
        formatters(zone.get());
    }

    private void formatters(ZoneId now) {
        time = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(now);
        dateTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(now);
        clock = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(now);
    }

    public ObjectProperty<ZoneId> zoneProperty() {
        return zone;
    }

    /** "13:12:05.123". */
    public String time(Instant instant) {
        return time.format(instant);
    }

    /** "2026-12-01 13:12:05.123". */
    public String dateTime(Instant instant) {
        return dateTime.format(instant);
    }

    /** "13:12:05": a moment in a sentence ("locked until 13:12:05 UTC"), with the zone. */
    public String clockTime(Instant instant) {
        return clock.format(instant) + " " + zoneName();
    }

    /** "UTC", or the region ("Europe/London"). */
    public String zoneName() {
        ZoneId z = zone.get();
        return z.normalized().equals(ZoneOffset.UTC) ? "UTC" : z.getId();
    }

    /** "Time (UTC)": a column header that follows the zone. */
    public StringBinding header(String title) {
        return Bindings.createStringBinding(() -> title + " (" + zoneName() + ")", zone);
    }
}
