package io.kellydesk.core;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One editable setting: its key in the settings file, where it sits in the panel, what a person reads about it,
 * and how its value is shown as text.
 *
 * @param key     dotted key, e.g. {@code max_position_size} or {@code services.lstm.base_url}; the validator's key
 *                for the sizing settings, so its messages land on the right field
 * @param unit    the unit shown next to the field ("fraction of equity", "contracts", "ms", …); blank for none
 * @param choices the allowed values of a {@link Kind#CHOICE}; empty otherwise
 */
public record SettingField(String key, SettingsSection section, String label, String unit, Kind kind, String help,
                           List<String> choices, Function<DeskConfiguration, String> reader) {

    /** PERCENT: a fraction in the file, shown and typed as percent (0.25 is "25"), as the desk shows it elsewhere. */
    public enum Kind { DECIMAL, PERCENT, WHOLE, TEXT, SECRET, CHOICE, FLAG, SYMBOLS }

    public SettingField {
        Objects.requireNonNull(key);
        choices = List.copyOf(choices);
    }

    /** A plain text field (change its kind with {@link #withKind}). */
    public SettingField(String key, SettingsSection section, String label, String unit, String help, List<String> choices,
                        Function<DeskConfiguration, String> reader) {
        this(key, section, label, unit, Kind.TEXT, help, choices, reader);
    }

    public String textOf(DeskConfiguration configuration) {
        return reader.apply(configuration);
    }

    /** What the audit trail stores for a value: secrets are never written out. */
    public String auditText(String value) {
        if (kind == Kind.PERCENT) {
            return value == null || value.isBlank() ? "" : value.trim() + " %";
        }
        if (kind != Kind.SECRET) {
            return value;
        }
        return value == null || value.isEmpty() ? "(none)" : "(set, " + value.length() + " characters)";
    }

    /** The same field, edited as another kind (a secret, a choice, …). */
    public SettingField withKind(Kind newKind) {
        return new SettingField(key, section, label, unit, newKind, help, choices, reader);
    }
}
