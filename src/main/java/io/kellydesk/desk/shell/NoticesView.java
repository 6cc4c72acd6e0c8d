package io.kellydesk.desk.shell;

import javafx.geometry.Pos;
import javafx.stage.Window;
import org.controlsfx.control.Notifications;

/** Shows each notice as a non-modal ControlsFX notification at the window's top right. FX thread. */
final class NoticesView {

    private final Window owner;

    NoticesView(Window owner) {
        this.owner = owner;
    }

    void show(NoticesViewModel.Notice notice) {
        Notifications n = Notifications.create().title(notice.title()).text(notice.text()).position(Pos.TOP_RIGHT)
                .hideAfter(javafx.util.Duration.seconds(notice.warning() ? 12 : 6));
        if (owner != null && owner.isShowing()) {
            n.owner(owner);
        }
        if (notice.warning()) {
            n.showWarning();
        } else {
            n.showInformation();
        }
    }
}
