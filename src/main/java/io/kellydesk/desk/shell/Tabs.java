package io.kellydesk.desk.shell;

import java.time.Duration;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Tab;

/** When the window builds what is not on show: fewer nodes to style before the first frame. FX thread. */
final class Tabs {

    private Tabs() {
    }

    /** Runs {@code build} the first time {@code tab} is selected (at once when it already is). */
    @SuppressWarnings("unchecked") // a one-element array holds the listener so it can remove itself
    static void whenFirstSelected(Tab tab, Runnable build) {
        if (tab.isSelected()) {
            build.run();
            return;
        }
        ChangeListener<Boolean>[] once = new ChangeListener[1];
        once[0] = (obs, was, now) -> {
            if (now) {
                tab.selectedProperty().removeListener(once[0]);
                build.run();
            }
        };
        tab.selectedProperty().addListener(once[0]);
    }

    /** Runs {@code build} once: when the first tile is on screen, or after {@code atLatest}. */
    @SuppressWarnings("unchecked")
    static void whenTilesUpOr(MainWindowView view, Duration atLatest, Runnable build) {
        PauseTransition timer = new PauseTransition(javafx.util.Duration.millis(atLatest.toMillis()));
        ListChangeListener<Node>[] firstTile = new ListChangeListener[1];
        Runnable once = () -> {
            if (firstTile[0] != null) {
                view.tilePane().getChildren().removeListener(firstTile[0]);
                firstTile[0] = null;
                timer.stop();
                build.run();
            }
        };
        firstTile[0] = change -> {
            if (!view.tilePane().getChildren().isEmpty()) {
                Platform.runLater(once); // after this pulse has drawn the tiles
            }
        };
        view.tilePane().getChildren().addListener(firstTile[0]);
        timer.setOnFinished(e -> once.run());
        timer.play();
    }
}
