package io.kellydesk.desk.shell;

import java.util.List;

/**
 * Every key the desk answers to, in the words Help › Keyboard shortcuts shows. A test checks that every menu
 * accelerator of the main window is listed here, so the list cannot fall behind the menus. No JavaFX.
 */
public final class KeyboardShortcuts {

    /** A key (as printed) and what it does, under a heading. */
    public record Shortcut(String group, String keys, String action) {
    }

    private KeyboardShortcuts() {
    }

    public static List<Shortcut> all() {
        String views = "Views";
        String tiles = "Tiles and table";
        String ticket = "Order ticket";
        String window = "Window";
        return List.of(
                new Shortcut(views, "Ctrl+1", "Tiles"),
                new Shortcut(views, "Ctrl+2", "Table of every symbol"),
                new Shortcut(views, "Ctrl+3", "Positions and open risk"),
                new Shortcut(views, "Ctrl+4", "Kelly vs fixed replay"),
                new Shortcut(views, "Ctrl+5", "Calibration of the models"),
                new Shortcut(views, "Ctrl+Tab / Ctrl+Shift+Tab", "Next / previous tab of the focused tab row"),
                new Shortcut(tiles, "/", "Jump to the symbol filter"),
                new Shortcut(tiles, "Alt+T", "Tradable only, on or off"),
                new Shortcut(tiles, "← ↑ ↓ →", "Move the selection between tiles"),
                new Shortcut(tiles, "↑ ↓", "Move the selection in the table"),
                new Shortcut(tiles, "Enter", "Explain the selected tile in the detail pane"),
                new Shortcut(tiles, "Ctrl+Enter", "Hand off the selected recommendation (opens its ticket)"),
                new Shortcut(ticket, "Enter", "Send (once; the button is disabled at the first press)"),
                new Shortcut(ticket, "Esc", "Close the ticket without sending"),
                new Shortcut(window, "Ctrl+,", "Settings"),
                new Shortcut(window, "F1", "These keyboard shortcuts"),
                new Shortcut(window, "Alt+F / Alt+V / Alt+H", "File, View and Help menus"),
                new Shortcut(window, "Ctrl+Q", "Quit (the decision log is flushed and closed first)"));
    }
}
