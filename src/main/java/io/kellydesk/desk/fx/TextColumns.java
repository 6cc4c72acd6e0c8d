package io.kellydesk.desk.fx;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

/** A table column that shows a text derived from its row (the desk's tables show words, not raw values). */
public final class TextColumns {

    private TextColumns() {
    }

    public static <T> void show(TableColumn<T, String> column, Function<T, String> text) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
    }

    /** As {@link #show}, with the whole text in a tooltip: for a long text the column may cut. */
    public static <T> void showWithTooltip(TableColumn<T, String> column, Function<T, String> text) {
        show(column, text);
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new javafx.scene.control.Tooltip(item));
            }
        });
    }
}
