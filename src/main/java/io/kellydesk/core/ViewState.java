package io.kellydesk.core;

import java.util.Map;

/**
 * Where the trader left the window: its place and size, the view on show, and each table's layout. Kept in the
 * data folder between sessions; a state that does not fit the screen any more is fitted, not obeyed.
 *
 * @param window    the window's bounds in screen pixels; null before the first close
 * @param mainView  the id of the main view on show ("tiles", "table", "positions", "chart", "calibration")
 * @param tables    each table's layout by table id
 */
public record ViewState(WindowBounds window, boolean maximized, String mainView, Map<String, TableLayout> tables) {

    /** A window's place and size, screen pixels. */
    public record WindowBounds(double x, double y, double width, double height) {
    }

    public ViewState {
        mainView = mainView == null ? "tiles" : mainView;
        tables = tables == null ? Map.of() : Map.copyOf(tables);
    }

    public static ViewState initial() {
        return new ViewState(null, false, "tiles", Map.of());
    }

    public TableLayout table(String id) {
        return tables.getOrDefault(id, TableLayout.none());
    }

    public ViewState withTable(String id, TableLayout layout) {
        Map<String, TableLayout> next = new java.util.HashMap<>(tables);
        next.put(id, layout);
        return new ViewState(window, maximized, mainView, next);
    }

    public ViewState withWindow(WindowBounds bounds, boolean isMaximized) {
        return new ViewState(bounds, isMaximized, mainView, tables);
    }

    public ViewState withMainView(String id) {
        return new ViewState(window, maximized, id, tables);
    }
}
