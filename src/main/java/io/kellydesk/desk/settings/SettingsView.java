package io.kellydesk.desk.settings;

import io.kellydesk.desk.fx.TextColumns;
import io.kellydesk.core.RiskRaises;
import io.kellydesk.engine.SettingsPort;
import io.kellydesk.core.SettingsSection;
import java.io.File;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.InputEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.validation.ValidationSupport;
import io.kellydesk.desk.fx.Fxml;

/**
 * Controller of {@code fxml/SettingsWindow.fxml}: binds the window to its {@link SettingsViewModel} while it is
 * showing and unbinds when it closes (its one-second lock timer stops with it).
 */
public final class SettingsView {

    private static final String ALL_ROLES = "All roles";

    private final SettingsViewModel viewModel;
    private final io.kellydesk.desk.fx.DeskTime time;
    private final ValidationSupport validation = new ValidationSupport();
    private final Timeline lockTimer;
    private final EventHandler<InputEvent> activity;
    private Stage stage;

    @FXML private Parent root;
    @FXML private HBox lockBar;
    @FXML private Label lockIcon;
    @FXML private Label lockText;
    @FXML private PasswordField pinField;
    @FXML private ComboBox<String> officerChoice;
    @FXML private Label pinMessageLabel;
    @FXML private Button unlockButton;
    @FXML private Button lockButton;
    @FXML private TabPane tabs;
    @FXML private Tab settingsTab;
    @FXML private Tab historyTab;
    @FXML private StackPane sheetHolder;
    @FXML private Label summaryLabel;
    @FXML private Label reasonLabel;
    @FXML private TextField reasonField;
    @FXML private Label messageLabel;
    @FXML private TextField historyKeyFilter;
    @FXML private ComboBox<String> historyRoleFilter;
    @FXML private ComboBox<SettingsViewModel.HistoryKind> historyKindFilter;
    @FXML private TableView<SettingsPort.HistoryRow> historyTable;
    @FXML private TableColumn<SettingsPort.HistoryRow, String> historyTime;
    @FXML private TableColumn<SettingsPort.HistoryRow, String> historyKey;
    @FXML private TableColumn<SettingsPort.HistoryRow, String> historyOld;
    @FXML private TableColumn<SettingsPort.HistoryRow, String> historyNew;
    @FXML private TableColumn<SettingsPort.HistoryRow, String> historyUser;
    @FXML private TableColumn<SettingsPort.HistoryRow, String> historyRole;
    @FXML private TableColumn<SettingsPort.HistoryRow, String> historyReason;
    @FXML private Button applyButton;
    @FXML private Button cancelButton;

    public SettingsView(SettingsViewModel viewModel, io.kellydesk.desk.fx.DeskTime time) {
        this.viewModel = Objects.requireNonNull(viewModel);
        this.time = Objects.requireNonNull(time);
        this.lockTimer = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> viewModel.tick()));
        lockTimer.setCycleCount(Animation.INDEFINITE);
        this.activity = e -> viewModel.touch();
    }

    /** Opens the window (not modal: the desk keeps updating behind it) and binds it; closing unbinds. */
    public Stage open(Window owner, List<String> stylesheets) {
        Parent content = Fxml.load(this, "SettingsWindow.fxml");
        stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Kelly Desk — Settings");
        Scene scene = new Scene(content, 980, 760);
        scene.getStylesheets().setAll(stylesheets);
        stage.setScene(scene);
        stage.setMinWidth(760);
        stage.setMinHeight(520);
        scene.addEventFilter(InputEvent.ANY, activity);
        // Esc closes like Cancel (asking first when edits are not applied); the window's own close button too
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                e.consume();
                closeAsking();
            }
        });
        stage.setOnCloseRequest(e -> {
            e.consume();
            closeAsking();
        });
        stage.setOnHidden(e -> deactivate());
        lockTimer.play();
        viewModel.refreshHistory("", null);
        stage.show();
        return stage;
    }

    @FXML
    private void initialize() {
        PropertySheet sheet = new PropertySheet(javafx.collections.FXCollections.observableArrayList(viewModel.items()));
        sheet.setId("settings-sheet");
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(true);
        List<String> order = Arrays.stream(SettingsSection.values()).map(SettingsSection::title).toList();
        sheet.setCategoryComparator(Comparator.comparingInt(order::indexOf));
        sheet.setPropertyEditorFactory(item -> new SettingEditor((SettingItem) item, viewModel, validation));
        sheetHolder.getChildren().setAll(sheet);

        lockText.textProperty().bind(viewModel.lockTextProperty());
        lockIcon.textProperty().bind(Bindings.when(viewModel.roleProperty().isEqualTo(io.kellydesk.core.DeskRole.RISK_OFFICER))
                .then("UNLOCKED").otherwise("LOCKED"));
        lockBar.getStyleClass().add("locked");
        viewModel.roleProperty().addListener((obs, was, now) -> {
            lockBar.getStyleClass().removeAll("locked", "unlocked");
            lockBar.getStyleClass().add(now == io.kellydesk.core.DeskRole.RISK_OFFICER ? "unlocked" : "locked");
            pinField.clear();
        });
        var officer = viewModel.roleProperty().isEqualTo(io.kellydesk.core.DeskRole.RISK_OFFICER);
        // With no officer set up there is nothing to unlock: the lock text says how one is added.
        var canUnlock = officer.not().and(viewModel.pinSetProperty());
        officerChoice.setItems(viewModel.officers());
        officerChoice.valueProperty().bindBidirectional(viewModel.officerProperty());
        officerChoice.visibleProperty().bind(canUnlock);
        officerChoice.managedProperty().bind(officerChoice.visibleProperty());
        pinField.visibleProperty().bind(canUnlock);
        pinField.managedProperty().bind(pinField.visibleProperty());
        pinField.setPromptText("Officer PIN");
        pinMessageLabel.textProperty().bind(viewModel.pinMessageProperty());
        pinMessageLabel.visibleProperty().bind(canUnlock.and(viewModel.pinMessageProperty().isNotEmpty()));
        pinMessageLabel.managedProperty().bind(pinMessageLabel.visibleProperty());
        unlockButton.visibleProperty().bind(canUnlock);
        unlockButton.managedProperty().bind(unlockButton.visibleProperty());
        unlockButton.setText("Unlock");
        unlockButton.disableProperty().bind(viewModel.busyProperty());
        lockButton.visibleProperty().bind(officer);
        lockButton.managedProperty().bind(lockButton.visibleProperty());

        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        viewModel.checkProperty().addListener((obs, was, now) -> {
            summaryLabel.getStyleClass().removeAll("has-errors", "has-warnings");
            if (now != null && !now.errors().isEmpty()) {
                summaryLabel.getStyleClass().add("has-errors");
            } else if (now != null && !now.warnings().isEmpty()) {
                summaryLabel.getStyleClass().add("has-warnings");
            }
        });
        reasonField.textProperty().bindBidirectional(viewModel.reasonProperty());
        reasonLabel.textProperty().bind(Bindings.when(viewModel.reasonNeededBinding()).then("Reason (required)").otherwise("Reason"));
        messageLabel.textProperty().bind(viewModel.messageProperty());
        applyButton.disableProperty().bind(viewModel.applyDisabledBinding());

        historyRoleFilter.getItems().setAll(ALL_ROLES, io.kellydesk.core.DeskRole.TRADER.words(), io.kellydesk.core.DeskRole.RISK_OFFICER.words());
        historyRoleFilter.getSelectionModel().selectFirst();
        historyRoleFilter.valueProperty().addListener((obs, was, now) -> onRefreshHistory());
        historyKeyFilter.textProperty().addListener((obs, was, now) -> onRefreshHistory());
        historyKindFilter.getItems().setAll(SettingsViewModel.HistoryKind.values());
        historyKindFilter.getSelectionModel().selectFirst();
        historyKindFilter.valueProperty().addListener((obs, was, now) -> onRefreshHistory());
        column(historyTime, r -> time.dateTime(r.changedAt()));
        historyTime.textProperty().bind(time.header("When"));
        historyTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        column(historyKey, SettingsPort.HistoryRow::key);
        column(historyOld, SettingsPort.HistoryRow::oldValue);
        column(historyNew, SettingsPort.HistoryRow::newValue);
        column(historyUser, SettingsPort.HistoryRow::user);
        column(historyRole, SettingsPort.HistoryRow::role);
        column(historyReason, SettingsPort.HistoryRow::reason);
        historyTable.setItems(viewModel.history());
        historyTable.setPlaceholder(new Label("No settings change has been applied yet."));
        historyTab.selectedProperty().addListener((obs, was, now) -> {
            if (now) {
                onRefreshHistory();
            }
        });
    }

    private static void column(TableColumn<SettingsPort.HistoryRow, String> column, Function<SettingsPort.HistoryRow, String> value) {
        TextColumns.show(column, value);
    }

    private void deactivate() {
        lockTimer.stop();
        // A closed window leaves nothing unlocked behind it.
        viewModel.lock();
    }

    @FXML
    private void onUnlock() {
        viewModel.unlock(pinField.getText().toCharArray());
        pinField.clear();
    }

    @FXML
    private void onLock() {
        viewModel.lock();
    }

    @FXML
    private void onApply() {
        List<String> warnings = viewModel.pendingWarnings();
        List<RiskRaises.Raise> raises = viewModel.pendingRiskRaises();
        if (warnings.isEmpty() && raises.isEmpty()) {
            viewModel.apply();
            return;
        }
        ButtonType applyAnyway = new ButtonType(raises.isEmpty() ? "Apply anyway" : "Apply the raise", ButtonBar.ButtonData.OK_DONE);
        Alert confirm = new Alert(Alert.AlertType.WARNING, "", applyAnyway, ButtonType.CANCEL);
        confirm.initOwner(stage);
        confirm.setTitle(raises.isEmpty() ? "Confirm a risky setting" : "Confirm a change that raises risk");
        StringBuilder text = new StringBuilder();
        if (!raises.isEmpty()) {
            text.append(raises.size() == 1 ? "This change raises risk:\n" : "These changes raise risk:\n");
            raises.forEach(r -> text.append("  ").append(r.words()).append('\n'));
            text.append(viewModel.fourEyes() ? "\nFour-eyes is on: a second risk officer's PIN is asked next.\n" : "");
        }
        if (!warnings.isEmpty()) {
            text.append(text.isEmpty() ? "" : "\n").append(String.join("\n", warnings)).append('\n');
        }
        confirm.setHeaderText(raises.isEmpty() ? (warnings.size() == 1 ? "This setting carries a risk:" : "These settings carry risks:")
                : "Are you sure? Cancel keeps the settings in force.");
        confirm.setContentText(text + "\nChanges:\n" + viewModel.changesInWords());
        confirm.getDialogPane().setId("settings-confirm");
        confirm.getDialogPane().getStylesheets().setAll(stage.getScene().getStylesheets());
        // Cancel is the default: Enter (or a hurried click on the default) keeps the limits as they are.
        ((Button) confirm.getDialogPane().lookupButton(applyAnyway)).setDefaultButton(false);
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        // Not showAndWait: the desk keeps rendering while the officer reads.
        confirm.resultProperty().addListener((obs, was, result) -> {
            if (result != applyAnyway) {
                return;
            }
            if (!raises.isEmpty() && viewModel.fourEyes()) {
                askSecondOfficer(raises);
            } else {
                viewModel.apply(new SettingsPort.Approval(!raises.isEmpty(), java.util.Optional.empty(), new char[0]));
            }
        });
        confirm.show();
    }

    /** Four-eyes: a second risk officer picks their name and types their PIN here. */
    private void askSecondOfficer(List<RiskRaises.Raise> raises) {
        javafx.scene.control.Dialog<ButtonType> dialog = new javafx.scene.control.Dialog<>();
        dialog.initOwner(stage);
        dialog.setTitle("Four-eyes: a second risk officer");
        dialog.setHeaderText("A second risk officer approves: " + String.join("; ", raises.stream().map(RiskRaises.Raise::words).toList()));
        ComboBox<String> who = new ComboBox<>(viewModel.officers().filtered(o -> !o.equals(viewModel.officerProperty().get())));
        who.setPromptText("Second officer");
        who.setId("second-officer");
        PasswordField pin = new PasswordField();
        pin.setPromptText("Their PIN");
        pin.setId("second-officer-pin");
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(8, who, pin);
        dialog.getDialogPane().setContent(box);
        ButtonType approve = new ButtonType("Approve and apply", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(approve, ButtonType.CANCEL);
        dialog.getDialogPane().getStylesheets().setAll(stage.getScene().getStylesheets());
        ((Button) dialog.getDialogPane().lookupButton(approve)).setDefaultButton(false);
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        dialog.resultProperty().addListener((obs, was, result) -> {
            char[] typed = pin.getText().toCharArray();
            pin.clear();
            if (result == approve) {
                viewModel.apply(new SettingsPort.Approval(true, java.util.Optional.ofNullable(who.getValue()), typed));
            }
        });
        dialog.show();
    }

    @FXML
    private void onCancel() {
        closeAsking();
    }

    /** Closes the window; with unapplied edits, only after the officer chose to discard them (Keep editing is the default). */
    void closeAsking() {
        int edits = viewModel.unappliedChanges();
        if (edits == 0) {
            viewModel.cancel();
            stage.hide();
            return;
        }
        ButtonType discard = new ButtonType("Discard and close", ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("Keep editing", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "", discard, keep);
        ask.initOwner(stage);
        ask.setTitle("Unapplied changes");
        ask.setHeaderText(edits + (edits == 1 ? " change is" : " changes are") + " not applied.");
        ask.setContentText(viewModel.changesInWords() + "\n\nDiscard " + (edits == 1 ? "it" : "them") + " and close the settings?");
        ask.getDialogPane().setId("settings-discard");
        ask.getDialogPane().getStylesheets().setAll(stage.getScene().getStylesheets());
        ((Button) ask.getDialogPane().lookupButton(discard)).setDefaultButton(false);
        ((Button) ask.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        ask.resultProperty().addListener((obs, was, result) -> {
            if (result == discard) {
                viewModel.cancel();
                stage.hide();
            }
        });
        ask.show();
    }

    @FXML
    private void onImport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import settings");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Settings (*.json)", "*.json"));
        File file = chooser.showOpenDialog(stage);
        if (file != null) {
            viewModel.importFrom(file.toPath(), problems -> {
                Alert refused = new Alert(Alert.AlertType.ERROR);
                refused.initOwner(stage);
                refused.setTitle("Import refused");
                refused.setHeaderText(file.getName() + " was not imported; nothing changed.");
                refused.setContentText(String.join("\n", problems));
                refused.show();
            });
        }
    }

    @FXML
    private void onExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export settings");
        chooser.setInitialFileName("kelly-settings.json");
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            viewModel.exportTo(file.toPath());
        }
    }

    @FXML
    private void onRefreshHistory() {
        String role = historyRoleFilter.getValue();
        SettingsViewModel.HistoryKind kind = historyKindFilter.getValue();
        viewModel.refreshHistory(historyKeyFilter.getText(), role == null || role.equals(ALL_ROLES) ? null : role,
                kind == null ? SettingsViewModel.HistoryKind.ALL : kind);
    }

    public Stage stage() {
        return stage;
    }
}
