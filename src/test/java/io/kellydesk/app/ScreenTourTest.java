package io.kellydesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.kellydesk.core.ServiceState;
import io.kellydesk.desk.fx.Theme;
import io.kellydesk.testing.Eventually;
import io.kellydesk.testing.Screenshots;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
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
 * Every screen of the live desk (demo services over loopback) at 1280×720, 1440×900 and 1920×1080 in both themes,
 * written to target/screenshots/tour/ to be looked at; and what can be checked of each layout, checked.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenTourTest {

    @TempDir
    static Path temp;

    private DeskComposition composition;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        composition = new DeskComposition(new AppOptions(temp.resolve("settings.json"), temp.resolve("data"), AppOptions.DemoMode.AUTO),
                BuildInfo.load(), Platform::runLater, new io.kellydesk.testing.MutableClock(java.time.Instant.now()));
        composition.showIn(stage);
    }

    @AfterEach
    void close() {
        composition.close();
    }

    record Size(int width, int height) {
        String label() {
            return width + "x" + height;
        }
    }

    static final List<Size> SIZES = List.of(new Size(1280, 720), new Size(1440, 900), new Size(1920, 1080));

    @Test
    void everyScreenAtEverySizeInBothThemes(FxRobot robot) throws Exception {
        Eventually.await(Duration.ofSeconds(15), "8 symbols sized, all lights ok", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return composition.mainViewModel().services().stream().allMatch(s -> s.stateProperty().get() == ServiceState.OK)
                    && robot.lookup("#tilesEmptyDetail").queryAs(Label.class).getText().startsWith("8 symbols sized");
        });
        String tradable = composition.engine().snapshots().stream().filter(s -> s.recommendation().isTrade())
                .map(io.kellydesk.engine.SymbolSnapshot::symbol).findFirst().orElse("ESZ26-CME");
        robot.clickOn("#tile-" + tradable);
        TabPane main = robot.lookup("#mainTabs").queryAs(TabPane.class);
        TabPane bottom = robot.lookup("#bottomTabs").queryAs(TabPane.class);
        for (Theme theme : Theme.values()) {
            robot.interact(() -> composition.mainViewModel().themeProperty().set(theme));
            for (Size size : SIZES) {
                robot.interact(() -> {
                    // inside Monocle's 1920×1200 frame buffer: a window hanging past it breaks the headless screen
                    stage.setX(0);
                    stage.setY(0);
                    stage.setWidth(size.width());
                    stage.setHeight(size.height());
                });
                String prefix = "tour/" + size.label() + "-" + theme.name().toLowerCase(java.util.Locale.ROOT) + "-";
                for (int tab = 0; tab < main.getTabs().size(); tab++) {
                    int index = tab;
                    robot.interact(() -> main.getSelectionModel().select(index));
                    settle();
                    String name = main.getTabs().get(tab).getId().replace("Tab", "");
                    Screenshots.save(stage.getScene(), prefix + "main-" + name);
                }
                robot.interact(() -> main.getSelectionModel().select(0));
                for (int tab = 0; tab < bottom.getTabs().size(); tab++) {
                    int index = tab;
                    robot.interact(() -> bottom.getSelectionModel().select(index));
                    settle();
                    Screenshots.save(stage.getScene(), prefix + "bottom-" + bottom.getTabs().get(tab).getId().replace("Tab", ""));
                }
                robot.interact(() -> bottom.getSelectionModel().select(0));
            }
            // the windows of their own: shortcuts, user guide, settings, ticket
            robot.interact(() -> robot.lookup("#mainTabs").queryAs(TabPane.class).getSelectionModel().select(0));
            robot.clickOn("#tile-" + tradable);
            String suffix = "-" + theme.name().toLowerCase(java.util.Locale.ROOT);
            robot.type(javafx.scene.input.KeyCode.F1);
            settle();
            windowShot("Keyboard shortcuts", "tour/help-shortcuts" + suffix);
            robot.clickOn("Help").clickOn("User guide");
            settle();
            windowShot("Kelly Desk — user guide", "tour/help-user-guide" + suffix);
            robot.interact(() -> composition.shell().openSettingsWindow());
            settle();
            windowShot("Kelly Desk — Settings", "tour/settings" + suffix);
            robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.ENTER).release(javafx.scene.input.KeyCode.CONTROL);
            settle();
            windowShot("Hand off " + tradable, "tour/ticket" + suffix);
        }
    }

    /** The PNG of the window titled {@code title}, then closes it. */
    private static void windowShot(String title, String name) throws Exception {
        javafx.stage.Stage window = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.stage.Stage s && title.equals(s.getTitle()) && s.isShowing())
                .map(w -> (javafx.stage.Stage) w).findFirst()).get().orElseThrow(() -> new AssertionError("no window " + title));
        Screenshots.save(window.getScene(), name);
        org.testfx.util.WaitForAsyncUtils.asyncFx(window::hide).get();
    }

    /** Tabs build lazily and fill from background reads: enough FX rounds for their first results and layouts. */
    private static void settle() {
        WaitForAsyncUtils.waitForFxEvents(20);
    }
}
