package io.kellydesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.kellydesk.engine.SymbolSnapshot;
import io.kellydesk.settings.OfficerRegistry;
import io.kellydesk.settings.SettingsCodec;
import io.kellydesk.settings.SettingsFiles;
import io.kellydesk.testing.Eventually;
import io.kellydesk.testing.Screenshots;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The risk officer's scenarios on the real settings window, over the demo services on loopback, with the decision
 * log in a real SQLite file. The officer PIN is set beforehand with few PBKDF2 iterations to keep the test quick
 * (a stored PIN is checked with the iterations it was hashed with).
 */
@ExtendWith(ApplicationExtension.class)
class SettingsScenariosTest {

    private static final String PIN = "2468";
    private static final String OFFICER = "riskofficer";

    @TempDir
    Path temp;

    private DeskComposition composition;
    private Stage stage;
    private Path settingsFile;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        settingsFile = temp.resolve("settings.json");
        SettingsFiles.createWithDefaultsIfMissing(settingsFile);
        Path data = temp.resolve("data");
        // one named officer, set up as --add-officer does (1,000 PBKDF2 iterations: the test is about the window)
        new OfficerRegistry(data.resolve("officers"), Clock.systemUTC(), 1_000).add(OFFICER, PIN.toCharArray());
        composition = new DeskComposition(new AppOptions(settingsFile, data, AppOptions.DemoMode.ON), BuildInfo.load(), Platform::runLater);
        composition.showIn(stage);
    }

    @AfterEach
    void close() {
        composition.close();
    }

    /** Opens File › Settings… the way the risk officer does, with the keyboard shortcut (Shortcut+Comma). */
    private Stage openSettings(FxRobot robot) {
        robot.clickOn("#tileFilter").push(KeyCode.CONTROL, KeyCode.COMMA);
        WaitForAsyncUtils.waitForFxEvents();
        return (Stage) robot.window("Kelly Desk — Settings");
    }

    private void expand(FxRobot robot, String section) {
        TitledPane pane = robot.lookup(".titled-pane").queryAllAs(TitledPane.class).stream()
                .filter(p -> section.equals(p.getText())).findFirst().orElseThrow();
        robot.interact(() -> pane.setExpanded(true));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void type(FxRobot robot, String query, String text) {
        robot.clickOn(query).push(KeyCode.CONTROL, KeyCode.A).write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void unlock(FxRobot robot, String pin) {
        type(robot, "#pinField", pin);
        robot.clickOn("#unlockButton");
    }

    private String message(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#messageLabel").queryAs(Label.class).getText();
    }

    private boolean applyDisabled(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#applyButton").queryAs(Button.class).isDisabled();
    }

    private void awaitUnlocked(FxRobot robot) {
        Eventually.await(Duration.ofSeconds(10), "limits unlocked", () -> message(robot).startsWith("Unlocked"));
    }

    @Test
    void aTraderCannotEditLimitsButMayChangeDeskPreferences(FxRobot robot) {
        Stage settings = openSettings(robot);
        expand(robot, "Risk limits");
        Node maxContracts = robot.lookup("#setting-max_position_size").query();
        assertThat(maxContracts.isDisabled()).as("a trader cannot edit max contracts").isTrue();
        assertThat(robot.lookup("#reset-max_position_size").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup(".settings-lock-text").queryAs(Label.class).getText()).startsWith("Trader");
        Screenshots.save(settings.getScene(), "settings-trader-locked");

        expand(robot, "Desk");
        assertThat(robot.lookup("#setting-desk-chart_fixed_contracts").query().isDisabled()).isFalse();
        type(robot, "#setting-desk-watchlist", "CL, NQ");
        assertThat(applyDisabled(robot)).as("a desk preference needs no reason").isFalse();
        robot.clickOn("#applyButton");
        Eventually.await(Duration.ofSeconds(10), "applied", () -> message(robot).startsWith("Applied 1 change"));
        // the tiles follow the watchlist: CL, then NQ, then the rest by name
        Eventually.await(Duration.ofSeconds(10), "tiles in watchlist order", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            var tiles = robot.lookup("#tilePane").queryAs(javafx.scene.layout.FlowPane.class).getChildren();
            // roots match every contract month: CLF27-NYMEX, NQZ26-CME, then 6EZ26-CME first by name
            return tiles.size() == 8 && tiles.get(0).getId().startsWith("tile-CL") && tiles.get(1).getId().startsWith("tile-NQ")
                    && tiles.get(2).getId().startsWith("tile-6E");
        });
    }

    @Test
    void theOfficerUnlocksLowersMaxContractsAndTheTilesFollowAndTheChangeIsAudited(FxRobot robot) throws Exception {
        Eventually.await(Duration.ofSeconds(10), "8 symbols sized", () -> composition.engine().snapshots().size() == 8);
        Stage settings = openSettings(robot);
        unlock(robot, PIN);
        awaitUnlocked(robot);
        expand(robot, "Risk limits");
        assertThat(robot.lookup("#setting-max_position_size").query().isDisabled()).isFalse();
        type(robot, "#setting-max_position_size", "2");
        assertThat(applyDisabled(robot)).as("a limit change needs a reason").isTrue();
        assertThat(robot.lookup("#reasonLabel").queryAs(Label.class).getText()).isEqualTo("Reason (required)");
        type(robot, "#reasonField", "Cut risk ahead of CPI");
        assertThat(applyDisabled(robot)).isFalse();
        Screenshots.save(settings.getScene(), "settings-officer-max-contracts");
        robot.clickOn("#applyButton");
        Eventually.await(Duration.ofSeconds(10), "applied", () -> message(robot).startsWith("Applied 1 change"));

        // live: every symbol re-sized under the new settings version, none above 2 contracts, NQ's tile says so
        String version = composition.engine().context().settingsVersion();
        Eventually.await(Duration.ofSeconds(10), "every symbol re-sized", () -> composition.engine().snapshots().stream()
                .allMatch(s -> s.recommendation().settingsVersion().equals(version)));
        for (SymbolSnapshot s : composition.engine().snapshots()) {
            assertThat(s.recommendation().contracts()).as(s.symbol()).isLessThanOrEqualTo(2);
        }
        Eventually.await(Duration.ofSeconds(5), "NQ tile at most 2", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            String nq = composition.engine().activeSymbols().stream().filter(sym -> sym.startsWith("NQ")).findFirst().orElseThrow();
            String shown = robot.lookup("#tile-" + nq + " .tile-contracts").queryAs(Label.class).getText();
            return shown.equals("—") || Integer.parseInt(shown) <= 2;
        });
        assertThat(new SettingsCodec().read(settingsFile).sizing().maxPositionSizeContracts()).as("written to the file").isEqualTo(2);

        // audited in the SQLite file: key, old, new, who, role, reason
        Path db = composition.decisionLog().orElseThrow().file();
        Eventually.await(Duration.ofSeconds(5), "audit row", () -> auditRowPresent(db));
        // and listed in the change history tab
        robot.clickOn("Change history");
        Eventually.await(Duration.ofSeconds(5), "history lists the change", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            TableView<?> table = robot.lookup(".settings-history").queryAs(TableView.class);
            return table.getItems().size() == 1 && table.getItems().getFirst().toString().contains("max_position_size");
        });
        type(robot, "#historyKeyFilter", "weights");
        Eventually.await(Duration.ofSeconds(5), "filter hides it", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup(".settings-history").queryAs(TableView.class).getItems().isEmpty();
        });
        type(robot, "#historyKeyFilter", "max_pos");
        Eventually.await(Duration.ofSeconds(5), "filter shows it", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup(".settings-history").queryAs(TableView.class).getItems().size() == 1;
        });
        Screenshots.save(settings.getScene(), "settings-change-history");
        Screenshots.save(stage.getScene(), "settings-tiles-after-max-2");
    }

    @Test
    void weightsThatDoNotSumToOneBlockApplyWithTheReason(FxRobot robot) {
        Stage settings = openSettings(robot);
        unlock(robot, PIN);
        awaitUnlocked(robot);
        expand(robot, "Models");
        type(robot, "#setting-model_weights-lstm", "0.5");
        type(robot, "#reasonField", "try more LSTM");
        // 0.5 + 0.6 (the ensemble's default) = 1.1
        assertThat(applyDisabled(robot)).isTrue();
        String summary = robot.lookup("#summaryLabel").queryAs(Label.class).getText();
        assertThat(summary).contains("LSTM weight").contains("must sum to 1").contains("1.1");
        assertThat(robot.lookup("#summaryLabel").queryAs(Label.class).getStyleClass()).contains("has-errors");
        Screenshots.save(settings.getScene(), "settings-weights-error");
        type(robot, "#setting-model_weights-ensemble", "0.5");
        assertThat(applyDisabled(robot)).as("0.5 + 0.5 = 1").isFalse();
    }

    /** 25 % → 60 % is × 2.4: above the 50 % that needs confirming, and above half the equity, which warns. */
    @Test
    void aMaxFractionAboveHalfWarnsAndNeedsAConfirmationThatNamesTheRisk(FxRobot robot) throws Exception {
        Stage settings = openSettings(robot);
        unlock(robot, PIN);
        awaitUnlocked(robot);
        type(robot, "#setting-max_kelly_fraction", "60"); // percent, as the desk shows fractions
        type(robot, "#reasonField", "desk review 2026-11");
        assertThat(robot.lookup("#summaryLabel").queryAs(Label.class).getText()).contains("1 warning to confirm");
        assertThat(applyDisabled(robot)).as("a warning allows Apply").isFalse();
        robot.clickOn("#applyButton");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.DialogPane confirm = robot.lookup("#settings-confirm").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(confirm.getContentText()).contains("more than half the equity").contains("Max Kelly fraction: 25 % → 60 % (× 2.4)");
        assertThat(((Button) confirm.lookupButton(javafx.scene.control.ButtonType.CANCEL)).isDefaultButton()).as("Cancel is the default").isTrue();
        Screenshots.save(confirm.getScene(), "settings-warning-confirm");
        // Enter takes the default: Cancel, nothing applied
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#settings-confirm").tryQuery()).as("the confirmation closed").isEmpty();
        assertThat(composition.engine().context().settings().maxKellyFraction()).as("Enter cancelled").isEqualTo(0.25);
        robot.clickOn("#applyButton");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Apply the raise");
        Eventually.await(Duration.ofSeconds(10), "applied", () -> composition.engine().context().settings().maxKellyFraction() == 0.6);
        Path db = composition.decisionLog().orElseThrow().file();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT reason, officer FROM settings_changes WHERE setting_key = 'max_kelly_fraction'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("desk review 2026-11 · confirmed: Max Kelly fraction: 25 % → 60 % (× 2.4)");
            assertThat(rs.getString(2)).isEqualTo(OFFICER);
        }
    }

    @Test
    void fiveWrongPinsLockTheLimitsForFiveMinutes(FxRobot robot) {
        Stage settings = openSettings(robot);
        for (int left = 4; left >= 1; left--) {
            unlock(robot, "0000");
            int expected = left;
            Eventually.await(Duration.ofSeconds(10), "wrong PIN " + left, () -> message(robot).startsWith("Wrong PIN — " + expected));
        }
        unlock(robot, "0000");
        Eventually.await(Duration.ofSeconds(10), "locked out", () -> message(robot).startsWith("Too many wrong PINs: locked until"));
        unlock(robot, PIN);
        Eventually.await(Duration.ofSeconds(10), "even the right PIN is refused", () -> message(robot).startsWith("Too many wrong PINs"));
        assertThat(robot.lookup(".settings-lock-text").queryAs(Label.class).getText()).contains("PIN locked until");
        expand(robot, "Risk limits");
        assertThat(robot.lookup("#setting-max_position_size").query().isDisabled()).isTrue();
        Screenshots.save(settings.getScene(), "settings-pin-locked-out");
    }

    @Test
    void anErrorIsSaidInWordsUnderItsFieldAndAWrongPinNextToThePinField(FxRobot robot) {
        Stage settings = openSettings(robot);
        unlock(robot, "0000");
        Eventually.await(Duration.ofSeconds(10), "wrong PIN said by the field", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            Label next = robot.lookup("#pinMessageLabel").queryAs(Label.class);
            return next.isVisible() && next.getText().equals("Wrong PIN — 4 left");
        });
        unlock(robot, PIN);
        awaitUnlocked(robot);
        expand(robot, "Risk limits");
        type(robot, "#setting-max_position_size", "five");
        Label issue = robot.lookup("#issue-max_position_size").queryAs(Label.class);
        assertThat(issue.isVisible()).isTrue();
        assertThat(issue.getText()).contains("five").startsWith("✖");
        assertThat(issue.getStyleClass()).contains("error");
        Screenshots.save(settings.getScene(), "settings-error-under-field");
    }

    @Test
    void escAndCancelCloseTheWindowAskingFirstWhenEditsAreNotApplied(FxRobot robot) {
        Stage settings = openSettings(robot);
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(settings.isShowing()).as("Esc closes a window without edits").isFalse();

        settings = openSettings(robot);
        expand(robot, "Desk");
        type(robot, "#setting-desk-watchlist", "CL");
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.DialogPane ask = robot.lookup("#settings-discard").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(ask.getHeaderText()).isEqualTo("1 change is not applied.");
        robot.push(KeyCode.ENTER); // the default: keep editing
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(settings.isShowing()).isTrue();
        assertThat(robot.lookup("#setting-desk-watchlist").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo("CL");

        robot.clickOn("#cancelButton");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Discard and close");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(settings.isShowing()).isFalse();
        assertThat(composition.engine().context().settings()).isNotNull();
        settings = openSettings(robot);
        expand(robot, "Desk");
        assertThat(robot.lookup("#setting-desk-watchlist").queryAs(javafx.scene.control.TextField.class).getText())
                .as("nothing was applied").isEmpty();
    }

    @Test
    void theSettingsWindowInTheLightThemeAndAtItsSmallestSize(FxRobot robot) {
        robot.interact(() -> composition.mainViewModel().themeProperty().set(io.kellydesk.desk.fx.Theme.LIGHT));
        Stage settings = openSettings(robot);
        expand(robot, "Hand-off and governance");
        Screenshots.save(settings.getScene(), "settings-light-handoff-governance");
        robot.interact(() -> {
            settings.setWidth(settings.getMinWidth());
            settings.setHeight(settings.getMinHeight());
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#setting-desk-four_eyes").query().isDisabled()).as("four-eyes is the officer's").isTrue();
        Screenshots.save(settings.getScene(), "settings-light-smallest");
    }

    /** Reads the file with a connection of its own, as an analyst with the sqlite3 shell would. */
    private static boolean auditRowPresent(Path db) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT old_value, new_value, user_name, user_role, reason, officer FROM settings_changes"
                     + " WHERE setting_key = 'max_position_size'")) {
            return rs.next() && rs.getString(1).equals("5") && rs.getString(2).equals("2")
                    && rs.getString(3).equals(System.getProperty("user.name")) && rs.getString(4).equals("Risk officer")
                    && rs.getString(5).equals("Cut risk ahead of CPI") && rs.getString(6).equals(OFFICER);
        } catch (java.sql.SQLException e) {
            return false;
        }
    }
}
