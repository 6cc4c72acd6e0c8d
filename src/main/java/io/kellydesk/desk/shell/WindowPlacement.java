package io.kellydesk.desk.shell;

import io.kellydesk.core.ViewState;

/**
 * Where the window opens: where the trader left it when that still fits a screen, otherwise the default size fitted
 * inside the screen's usable area (never with an edge off screen: a 1440×900 window on a 1280×720 screen opens
 * 1280×720 at its corner). No JavaFX: the screen's area comes in as numbers.
 */
final class WindowPlacement {

    static final double DEFAULT_WIDTH = 1440;
    static final double DEFAULT_HEIGHT = 900;
    static final double MIN_WIDTH = 1024;
    static final double MIN_HEIGHT = 640;

    private WindowPlacement() {
    }

    /** @param screen the usable area of the screen (without task bars), screen pixels */
    static ViewState.WindowBounds place(ViewState.WindowBounds saved, ViewState.WindowBounds screen) {
        if (saved != null && fits(saved, screen)) {
            return saved;
        }
        double w = saved == null ? DEFAULT_WIDTH : saved.width();
        double h = saved == null ? DEFAULT_HEIGHT : saved.height();
        w = Math.max(Math.min(w, screen.width()), Math.min(MIN_WIDTH, screen.width()));
        h = Math.max(Math.min(h, screen.height()), Math.min(MIN_HEIGHT, screen.height()));
        double x = screen.x() + Math.max(0, (screen.width() - w) / 2);
        double y = screen.y() + Math.max(0, (screen.height() - h) / 2);
        return new ViewState.WindowBounds(x, y, w, h);
    }

    /** Wholly inside the screen's usable area. */
    static boolean fits(ViewState.WindowBounds b, ViewState.WindowBounds screen) {
        return b.width() >= Math.min(MIN_WIDTH, screen.width()) && b.height() >= Math.min(MIN_HEIGHT, screen.height())
                && b.x() >= screen.x() && b.y() >= screen.y()
                && b.x() + b.width() <= screen.x() + screen.width() && b.y() + b.height() <= screen.y() + screen.height();
    }
}
