package io.kellydesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The records whose text is hashed (settings version, sizing inputs) write their {@code toString} out by hand,
 * to keep the generated one off the start path. Their text must stay exactly the record format, or every
 * settings version would change on upgrade; and it must name every component, or a change to a missing one
 * would hash alike.
 */
class RecordTextTest {

    @Test
    void sizingSettingsTextIsTheRecordFormatWithEveryComponent() throws Exception {
        assertThat(SizingSettings.defaults().toString()).isEqualTo(recordFormat(SizingSettings.defaults()));
        // Distinct values in every slot, so a component written under another's name shows.
        SizingSettings distinct = withDistinctValues(SizingSettings.class);
        assertThat(distinct.toString()).isEqualTo(recordFormat(distinct));
    }

    @Test
    void theDefaultsKeepTheVersionEarlierBuildsGaveThem() {
        // Printed by SizingSettings.defaults().version() once max_history_age_s and max_account_age_s joined the
        // settings (spec step 0): the settings changed, so their version did (before: f14ee86354cc, commit 8ce9d4d).
        assertThat(SizingSettings.defaults().version()).isEqualTo("32ba4598e9cf");
    }

    @Test
    void payoffStatisticsTextIsTheRecordFormat() throws Exception {
        PayoffStatistics payoff = new PayoffStatistics(7, 3, 412.5, 187.25);
        assertThat(payoff.toString()).isEqualTo(recordFormat(payoff));
        assertThat(PayoffStatistics.NONE.toString()).isEqualTo(recordFormat(PayoffStatistics.NONE));
    }

    @Test
    void openExposureTextIsTheRecordFormat() throws Exception {
        Exposure exposure = io.kellydesk.testing.TestInputs.open("ESZ26-CME", Direction.SHORT, 4, 1312.5, -0.35);
        assertThat(exposure.toString()).isEqualTo(recordFormat(exposure));
    }

    /** What {@code java.lang.runtime.ObjectMethods} makes of a record: {@code Name[a=1, b=x]}. */
    private static String recordFormat(Record record) {
        return Arrays.stream(record.getClass().getRecordComponents())
                .map(c -> c.getName() + "=" + valueOf(c, record))
                .collect(Collectors.joining(", ", record.getClass().getSimpleName() + "[", "]"));
    }

    private static String valueOf(RecordComponent component, Record record) {
        try {
            return String.valueOf(component.getAccessor().invoke(record));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static <R extends Record> R withDistinctValues(Class<R> type) throws ReflectiveOperationException {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = components[i].getType() == int.class ? (Object) (100 + i) : (Object) (i + 0.125);
        }
        Constructor<R> canonical = type.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        return canonical.newInstance(values);
    }
}
