package io.kellydesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.kellydesk.settings.SettingsFiles;
import io.kellydesk.store.StorageWords;
import io.kellydesk.testing.Eventually;
import io.kellydesk.testing.Screenshots;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javafx.application.Platform;
import javafx.scene.control.Label;
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
 * A data folder the desk cannot create or write never stops the window: the desk sizes on the demo services, says in
 * one sentence that decisions are not logged and hand-off is off, and disables Hand off. (The tests run as root,
 * for whom a chmod-ed folder is still writable: a folder under /proc, which nobody can create, stands in.)
 */
@ExtendWith(ApplicationExtension.class)
class UnusableDataFolderTest {

    private static final Path UNUSABLE = Path.of("/proc/kd-nowhere/data");

    @TempDir
    Path temp;

    private DeskComposition composition;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Path settings = temp.resolve("settings.json");
        SettingsFiles.createWithDefaultsIfMissing(settings);
        composition = new DeskComposition(new AppOptions(settings, UNUSABLE, AppOptions.DemoMode.ON), BuildInfo.load(),
                Platform::runLater, Clock.systemUTC());
        composition.showIn(stage);
    }

    @AfterEach
    void close() {
        composition.close();
    }

    @Test
    void theWindowShowsSaysSoAndHandOffIsOff(FxRobot robot) {
        Eventually.await(Duration.ofSeconds(15), "tiles from the demo", () -> composition.engine().snapshots().size() == 8);
        WaitForAsyncUtils.waitForFxEvents();
        String banner = robot.lookup("#errorBannerText").queryAs(Label.class).getText();
        assertThat(banner).startsWith("The data folder " + UNUSABLE + " cannot be created: decisions are NOT being logged and hand-off is off")
                .doesNotContain("Exception").doesNotContain("\n");
        assertThat(composition.decisionLog()).isEmpty();
        String symbol = composition.engine().snapshots().getFirst().symbol();
        robot.interact(() -> io.kellydesk.desk.fx.ScrollIntoView.node(robot.lookup("#tileScroll").queryAs(javafx.scene.control.ScrollPane.class),
                robot.lookup("#tile-" + symbol).queryAs(javafx.scene.Node.class)));
        robot.clickOn("#tile-" + symbol);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#handOffButton").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup(".detail-handoff").queryAs(Label.class).getText()).contains("no order goes out without its audit row");
        Screenshots.save(stage.getScene(), "storage-unusable-data-folder");
    }

    @Test
    void aReadOnlyFolderAndAFullDiskAreSaidPlainly() {
        Path dir = Path.of("/srv/desk");
        assertThat(StorageWords.unusable(dir, new AccessDeniedException("/srv/desk/kelly-desk.lock")))
                .isEqualTo("The data folder /srv/desk cannot be written (it is read-only, or this user may not write there): "
                        + "decisions are NOT being logged and hand-off is off (no order without its audit row). Start the desk with"
                        + " --data-dir on a writable folder.");
        assertThat(StorageWords.unusable(dir, new java.io.IOException("No space left on device")))
                .startsWith("The disk holding /srv/desk is full: decisions are NOT being logged");
        assertThat(StorageWords.movedAside(dir.resolve("decisions.sqlite.corrupt-20261201T093000Z")))
                .isEqualTo("The decision log was damaged, so it was moved to /srv/desk/decisions.sqlite.corrupt-20261201T093000Z "
                        + "(nothing was deleted) and a new, empty log started.");
    }
}
