package io.kellydesk.desk.settings;

import io.kellydesk.core.SettingsIssue;
import io.kellydesk.core.SettingField;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.controlsfx.property.editor.PropertyEditor;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/**
 * The editor of one setting in the sheet: the input (text, secret, choice or check box), its unit, its default and
 * a reset button. Validation decorations appear once the person has touched the field (Sparrow's way), with the
 * sizing validator's own words; the lock disables the input, not the row, so the reason stays readable.
 */
final class SettingEditor implements PropertyEditor<Object> {

    private final SettingItem item;
    private final HBox box = new HBox(8);
    private final Control input;
    private boolean watched;

    SettingEditor(SettingItem item, SettingsViewModel viewModel, ValidationSupport validation) {
        this.item = item;
        SettingField field = item.field();
        this.input = switch (field.kind()) {
            case SECRET -> bound(new PasswordField());
            case CHOICE -> {
                ComboBox<String> choice = new ComboBox<>();
                choice.getItems().setAll(field.choices());
                choice.valueProperty().bindBidirectional(item.textProperty());
                yield choice;
            }
            case FLAG -> {
                CheckBox check = new CheckBox();
                check.setSelected(Boolean.parseBoolean(item.textProperty().get()));
                check.selectedProperty().addListener((obs, was, now) -> item.textProperty().set(Boolean.toString(now)));
                item.textProperty().addListener((obs, was, now) -> check.setSelected(Boolean.parseBoolean(now)));
                yield check;
            }
            default -> bound(new TextField());
        };
        input.setId("setting-" + field.key().replace('.', '-'));
        input.getStyleClass().add("setting-input");
        input.disableProperty().bind(item.editableProperty().not());
        input.setTooltip(new Tooltip(item.getDescription()));
        if (input instanceof TextField text) {
            text.setPrefColumnCount(field.kind() == SettingField.Kind.DECIMAL || field.kind() == SettingField.Kind.WHOLE ? 8 : 22);
        }
        HBox.setHgrow(input, field.kind() == SettingField.Kind.DECIMAL || field.kind() == SettingField.Kind.WHOLE
                ? Priority.NEVER : Priority.ALWAYS);
        Label unit = new Label(field.unit());
        unit.getStyleClass().add("setting-unit");
        unit.setMinWidth(Label.USE_PREF_SIZE);
        String shownDefault = field.kind() == SettingField.Kind.SECRET ? "none"
                : item.defaultText().isEmpty() ? "empty" : item.defaultText();
        Label defaultLabel = new Label("default " + shownDefault);
        defaultLabel.getStyleClass().add("setting-default");
        defaultLabel.setMinWidth(Label.USE_PREF_SIZE);
        Button reset = new Button("↺");
        reset.setId("reset-" + field.key().replace('.', '-'));
        reset.getStyleClass().add("setting-reset");
        reset.setTooltip(new Tooltip("Reset to the default (" + shownDefault + ")"));
        reset.setOnAction(e -> viewModel.resetToDefault(item));
        reset.disableProperty().bind(item.editableProperty().not());
        box.getChildren().setAll(input, unit, defaultLabel, reset);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.getStyleClass().add("setting-editor");

        // Decorations after the first touch, then kept in step with every re-check of the whole form.
        ChangeListener<String> firstTouch = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends String> obs, String was, String now) {
                item.textProperty().removeListener(this);
                watch(validation);
            }
        };
        item.textProperty().addListener(firstTouch);
        item.issuesProperty().addListener((obs, was, now) -> {
            if (watched) {
                validation.revalidate(input);
            }
        });
        input.focusedProperty().addListener((obs, was, now) -> viewModel.touch());
    }

    private Control bound(TextField field) {
        field.textProperty().bindBidirectional(item.textProperty());
        return field;
    }

    private void watch(ValidationSupport validation) {
        if (watched) {
            return;
        }
        watched = true;
        validation.registerValidator(input, false, (Control control, Object value) -> {
            List<SettingsIssue> issues = item.issuesProperty().get();
            return ValidationResult.fromMessages(issues.stream().map(issue -> issue.severity() == SettingsIssue.Severity.ERROR
                    ? ValidationMessage.error(control, issue.message()) : ValidationMessage.warning(control, issue.message())).toList());
        });
    }

    @Override
    public Node getEditor() {
        return box;
    }

    @Override
    public Object getValue() {
        return item.textProperty().get();
    }

    @Override
    public void setValue(Object value) {
        // The input is bound to the item's text; the sheet has nothing to push.
    }
}
