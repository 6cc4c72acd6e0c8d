package io.kellydesk.core;

import java.util.List;

/**
 * How the trader left a table: its columns in order, the hidden ones, and the sort. Kept between sessions.
 *
 * @param columns    column ids, left to right
 * @param hidden     column ids switched off in the column chooser
 * @param sortColumn the column sorted by; empty for none
 */
public record TableLayout(List<String> columns, List<String> hidden, String sortColumn, boolean ascending) {

    public TableLayout {
        columns = columns == null ? List.of() : List.copyOf(columns);
        hidden = hidden == null ? List.of() : List.copyOf(hidden);
        sortColumn = sortColumn == null ? "" : sortColumn;
    }

    public static TableLayout none() {
        return new TableLayout(List.of(), List.of(), "", true);
    }
}
