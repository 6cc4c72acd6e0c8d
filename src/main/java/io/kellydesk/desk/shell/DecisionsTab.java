package io.kellydesk.desk.shell;

import io.kellydesk.desk.decisions.DecisionsView;
import io.kellydesk.desk.decisions.DecisionsViewModel;
import io.kellydesk.engine.DecisionBrowser;
import io.kellydesk.engine.DeskEvent;
import io.kellydesk.engine.EventBus;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.util.Duration;

/** The Decisions tab over the log: read in the background, refreshed every 10 s while the tab is open. FX thread. */
final class DecisionsTab {

    private final MainWindowView view;
    private final DecisionBrowser log;
    private final DeskShell.Parts parts;
    private final Consumer<String> problems;
    private final List<Runnable> onClose;
    private final io.kellydesk.desk.fx.DeskTime time;

    DecisionsTab(MainWindowView view, DecisionBrowser log, DeskShell.Parts parts, Consumer<String> problems, List<Runnable> onClose,
                 io.kellydesk.desk.fx.DeskTime time) {
        this.time = time;
        this.view = view;
        this.log = log;
        this.parts = parts;
        this.problems = problems;
        this.onClose = onClose;
    }

    DecisionsView build() {
        DecisionsViewModel viewModel = new DecisionsViewModel(log, parts.tasks(), parts.bus(), parts.fx(), parts.clock(), problems);
        DecisionsView decisions = new DecisionsView(viewModel, time);
        view.decisionsContent().getChildren().setAll(decisions.load());
        viewModel.activate(parts.engine().activeSymbols()); // with those announced before this tab was built
        onClose.add(viewModel::deactivate);
        Runnable refreshIfShown = () -> {
            if (view.decisionsTab().isSelected()) {
                viewModel.refresh();
            }
        };
        Timeline every10s = new Timeline(new KeyFrame(Duration.seconds(10), e -> refreshIfShown.run()));
        every10s.setCycleCount(Animation.INDEFINITE);
        every10s.play();
        onClose.add(every10s::stop);
        refreshSoonAfterTheFirstDecision(refreshIfShown);
        view.decisionsTab().selectedProperty().addListener((obs, was, now) -> {
            if (now) {
                viewModel.refresh();
            }
        });
        refreshIfShown.run();
        return decisions;
    }

    /** The first decisions of a session show within seconds, not at the next 10-second refresh. */
    private void refreshSoonAfterTheFirstDecision(Runnable refreshIfShown) {
        AtomicBoolean firstSeen = new AtomicBoolean();
        EventBus.Subscription[] first = new EventBus.Subscription[1];
        first[0] = parts.bus().subscribe(DeskEvent.RecommendationChanged.class, e -> {
            if (firstSeen.compareAndSet(false, true)) {
                if (first[0] != null) {
                    first[0].close(); // once is enough: not a check on every later event
                }
                parts.fx().post("decisions-first", () -> {
                    PauseTransition soon = new PauseTransition(Duration.seconds(2));
                    soon.setOnFinished(done -> refreshIfShown.run());
                    soon.play();
                });
            }
        });
        if (firstSeen.get()) {
            first[0].close(); // the first event came before the handle was stored
        }
        onClose.add(first[0]::close);
    }
}
