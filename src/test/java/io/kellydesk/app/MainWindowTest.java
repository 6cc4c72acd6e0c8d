package io.kellydesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.kellydesk.core.ServiceState;
import io.kellydesk.desk.fx.Theme;
import io.kellydesk.testing.Screenshots;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TabPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the real main window headless (Monocle) and checks its regions. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    static Path temp;

    private DeskComposition composition;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        AppOptions options = new AppOptions(temp.resolve("config/settings.json"), temp.resolve("data"), AppOptions.DemoMode.OFF);
        composition = new DeskComposition(options, BuildInfo.load(), Platform::runLater);
        composition.showIn(stage);
    }

    @AfterEach
    void close() {
        composition.close();
    }

    @Test
    void theWindowHasEveryRegionOfTheDesk(FxRobot robot) {
        assertThat(stage.getTitle()).isEqualTo("Kelly Desk");
        // the icons are decoded in the background and set after the first frame
        io.kellydesk.testing.Eventually.await(java.time.Duration.ofSeconds(5), "the window icons",
                () -> stage.getIcons().size() >= 4);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getIcons()).as("taskbar icons 16, 32, 64 and 256 px").extracting(javafx.scene.image.Image::getWidth)
                .containsExactly(16.0, 32.0, 64.0, 256.0);
        assertThat(robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus())
                .extracting(menu -> menu.getText().replace("_", ""))
                .containsExactly("File", "View", "Help");
        assertThat(robot.lookup("#deskNameLabel").queryAs(Label.class).getText()).isEqualTo("Kelly Desk");
        // No account yet: an em dash, never an invented number.
        assertThat(robot.lookup("#equityLabel").queryAs(Label.class).getText()).isEqualTo("—");
        assertThat(robot.lookup("#drawdownLabel").queryAs(Label.class).getText()).isEqualTo("—");
        assertThat(robot.lookup("#healthLights").queryAs(HBox.class).getChildren()).hasSize(4);
        assertThat(robot.lookup("#tilePane").queryAs(FlowPane.class).getChildren()).isEmpty();
        assertThat(robot.lookup("#tilesEmptyState").queryAs(javafx.scene.Node.class).isVisible()).isTrue();
        assertThat(robot.lookup("#detailEmptyState").queryAs(javafx.scene.Node.class).isVisible()).isTrue();
        assertThat(robot.lookup("#bottomTabs").queryAs(TabPane.class).getTabs())
                .extracting(tab -> tab.getText())
                .containsExactly("Decisions", "Handoffs", "Health");
        assertThat(robot.lookup("#mainTabs").queryAs(TabPane.class).getTabs())
                .extracting(tab -> tab.getText())
                .containsExactly("Tiles", "Table", "Positions", "Kelly vs fixed", "Calibration");
        assertThat(robot.lookup("#statusBar").queryAs(javafx.scene.Node.class)).isNotNull();
        assertThat(robot.lookup("#errorBanner").queryAs(javafx.scene.Node.class).isVisible()).isFalse();
        assertThat(Files.exists(temp.resolve("config/settings.json"))).as("settings created on first run").isTrue();

        Path shot = Screenshots.save(stage.getScene(), "main-window-empty");
        assertThat(shot).exists().isNotEmptyFile();
    }

    @Test
    void helpListsEveryMenuShortcutAndOpensTheGuide(FxRobot robot) throws Exception {
        java.util.Set<String> listed = new java.util.HashSet<>();
        io.kellydesk.desk.shell.KeyboardShortcuts.all().forEach(s -> listed.add(s.keys()));
        java.util.List<String> accelerators = new java.util.ArrayList<>();
        for (javafx.scene.control.Menu menu : robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus()) {
            for (javafx.scene.control.MenuItem item : menu.getItems()) {
                if (item.getAccelerator() != null) {
                    accelerators.add(item.getAccelerator().getDisplayText());
                }
            }
        }
        assertThat(accelerators).hasSize(8); // settings, quit, five views, shortcuts
        assertThat(listed).containsAll(accelerators);
        robot.type(javafx.scene.input.KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#shortcuts").queryAs(javafx.scene.layout.GridPane.class).getChildren()).hasSizeGreaterThan(30);
        robot.clickOn("Help").clickOn("User guide");
        WaitForAsyncUtils.waitForFxEvents();
        java.util.List<String> headings = new java.util.ArrayList<>();
        for (javafx.scene.Node h : robot.lookup(".help-h2").queryAll()) {
            StringBuilder text = new StringBuilder();
            ((javafx.scene.text.TextFlow) h).getChildren().forEach(t -> text.append(((javafx.scene.text.Text) t).getText()));
            headings.add(text.toString());
        }
        assertThat(headings).contains("Reading a recommendation", "Handing off an order", "Alerts");
    }

    @Test
    void aServiceLightSaysItsStateInWords(FxRobot robot) {
        robot.interact(() -> composition.mainViewModel().services().get(0).stateProperty().set(ServiceState.DOWN));
        Label state = robot.lookup("#health-lstm .health-light-state").queryAs(Label.class);
        assertThat(state.getText()).isEqualTo("down");
    }

    @Test
    void anUncaughtFailureShowsInTheBannerWithoutBlocking(FxRobot robot) throws Exception {
        Thread worker = new Thread(() -> composition.reportUnexpected(Thread.currentThread(),
                new IllegalStateException("feed parser broke")), "kd-test-worker");
        worker.start();
        worker.join();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#errorBanner").queryAs(javafx.scene.Node.class).isVisible()).isTrue();
        assertThat(robot.lookup("#errorBannerText").queryAs(Label.class).getText())
                .contains("feed parser broke").contains("kd-test-worker");
        Screenshots.save(stage.getScene(), "main-window-error-banner");

        robot.clickOn("#errorBannerDismiss");
        assertThat(robot.lookup("#errorBanner").queryAs(javafx.scene.Node.class).isVisible())
                .as("banner after Dismiss: " + robot.lookup("#errorBannerText").queryAs(Label.class).getText()).isFalse();
    }

    @Test
    void theLightThemeCanBeChosenFromTheViewMenu(FxRobot robot) {
        robot.clickOn("View").clickOn("Light theme");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(composition.mainViewModel().themeProperty().get()).isEqualTo(Theme.LIGHT);
        assertThat(stage.getScene().getStylesheets()).anyMatch(sheet -> sheet.endsWith("theme-light.css"));
        Screenshots.save(stage.getScene(), "main-window-light");
    }

    @Test
    void helpAboutNamesTheVersions(FxRobot robot) {
        robot.clickOn("Help").clickOn("About Kelly Desk");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#about-dialog").queryAs(javafx.scene.Node.class)).isNotNull();
        assertThat(robot.lookup("JavaFX").tryQuery()).isPresent();
        robot.interact(() -> robot.lookup("#about-dialog").queryAs(javafx.scene.Node.class).getScene().getWindow().hide());
    }
}
