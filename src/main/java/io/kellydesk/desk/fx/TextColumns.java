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
}
