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
    private final javafx.scene.layout.VBox editor = new javafx.scene.layout.VBox(2);
    private final Label issueLabel = new Label();
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
            text.setPrefColumnCount(numeric(field) ? 8 : 22);
        }
        HBox.setHgrow(input, numeric(field) ? Priority.NEVER : Priority.ALWAYS);
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
        // the error or warning in words, under its own field (shown once the field was touched, like the marker)
        issueLabel.getStyleClass().add("setting-issue");
        issueLabel.setId("issue-" + field.key().replace('.', '-'));
        issueLabel.setWrapText(true);
        issueLabel.managedProperty().bind(issueLabel.visibleProperty());
        issueLabel.setVisible(false);
        editor.getChildren().setAll(box, issueLabel);

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
                showIssue(now);
            }
        });
        input.focusedProperty().addListener((obs, was, now) -> viewModel.touch());
    }

    private Control bound(TextField field) {
        field.textProperty().bindBidirectional(item.textProperty());
        return field;
    }

    private void showIssue(List<SettingsIssue> issues) {
        issueLabel.getStyleClass().removeAll("error", "warning");
        if (issues.isEmpty()) {
            issueLabel.setVisible(false);
            return;
        }
        SettingsIssue first = issues.getFirst();
        issueLabel.setText((first.severity() == SettingsIssue.Severity.ERROR ? "✖ " : "⚠ ") + first.message());
        issueLabel.getStyleClass().add(first.severity() == SettingsIssue.Severity.ERROR ? "error" : "warning");
        issueLabel.setVisible(true);
    }

    private void watch(ValidationSupport validation) {
        if (watched) {
            return;
        }
        watched = true;
        showIssue(item.issuesProperty().get());
        validation.registerValidator(input, false, (Control control, Object value) -> {
            List<SettingsIssue> issues = item.issuesProperty().get();
            return ValidationResult.fromMessages(issues.stream().map(issue -> issue.severity() == SettingsIssue.Severity.ERROR
                    ? ValidationMessage.error(control, issue.message()) : ValidationMessage.warning(control, issue.message())).toList());
        });
    }

    @Override
    public Node getEditor() {
        return editor;
    }

    @Override
    public Object getValue() {
        return item.textProperty().get();
    }

    @Override
    public void setValue(Object value) {
        // The input is bound to the item's text; the sheet has nothing to push.
    }

    private static boolean numeric(SettingField field) {
        return field.kind() == SettingField.Kind.DECIMAL || field.kind() == SettingField.Kind.PERCENT || field.kind() == SettingField.Kind.WHOLE;
    }
}
