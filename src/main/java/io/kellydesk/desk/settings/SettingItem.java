package io.kellydesk.desk.settings;

import io.kellydesk.core.SettingsIssue;
import io.kellydesk.core.SettingField;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

/**
 * One row of the settings sheet: the field it edits, the text typed so far, whether the current role may edit it,
 * and the validator's findings for it. Always "editable" to the sheet: the lock is applied by this item's own
 * {@link #editableProperty()}, since the sheet only reads editability once, when it builds the row.
 */
public final class SettingItem implements PropertySheet.Item {

    private final SettingField field;
    private final String defaultText;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final BooleanProperty editable = new SimpleBooleanProperty(this, "editable", false);
    private final ObjectProperty<List<SettingsIssue>> issues = new SimpleObjectProperty<>(this, "issues", List.of());

    public SettingItem(SettingField field, String defaultText) {
        this.field = Objects.requireNonNull(field);
        this.defaultText = Objects.requireNonNull(defaultText);
    }

    public SettingField field() {
        return field;
    }

    public String key() {
        return field.key();
    }

    public String defaultText() {
        return defaultText;
    }

    public StringProperty textProperty() {
        return text;
    }

    public BooleanProperty editableProperty() {
        return editable;
    }

    public ObjectProperty<List<SettingsIssue>> issuesProperty() {
        return issues;
    }

    @Override
    public Class<?> getType() {
        return String.class;
    }

    @Override
    public String getCategory() {
        return field.section().title();
    }

    @Override
    public String getName() {
        return field.label();
    }

    @Override
    public String getDescription() {
        String shownDefault = field.kind() == SettingField.Kind.SECRET ? "none" : defaultText.isEmpty() ? "empty" : defaultText;
        return field.help() + "\nKey: " + field.key() + (field.unit().isBlank() ? "" : "\nUnit: " + field.unit())
                + "\nDefault: " + shownDefault;
    }

    @Override
    public Object getValue() {
        return text.get();
    }

    @Override
    public void setValue(Object value) {
        text.set(value == null ? "" : value.toString());
    }

    @Override
    public Optional<ObservableValue<?>> getObservableValue() {
        return Optional.of(text);
    }
}
