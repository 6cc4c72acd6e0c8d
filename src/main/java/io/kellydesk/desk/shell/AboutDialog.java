package io.kellydesk.desk.shell;

import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Modality;
import javafx.stage.Window;

/** Help > About: what this is and the versions it runs on (for support calls). */
public final class AboutDialog {

    private AboutDialog() {
    }

    public static Alert create(Window owner, String version, Map<String, String> components) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.initModality(Modality.NONE);
        alert.setTitle("About Kelly Desk");
        alert.setHeaderText("Kelly Desk " + version);
        GridPane grid = new GridPane(16, 4);
        grid.setPadding(new Insets(8, 4, 4, 4));
        Label what = new Label("Turns model predictions into Kelly position sizes under the firm's risk limits.\n"
                + "The desk never trades on its own: a person always clicks.");
        what.setWrapText(true);
        grid.add(what, 0, 0, 2, 1);
        int row = 1;
        for (Map.Entry<String, String> component : new java.util.TreeMap<>(components).entrySet()) {
            grid.add(new Label(component.getKey()), 0, row);
            grid.add(new Label(component.getValue()), 1, row);
            row++;
        }
        alert.getDialogPane().setContent(grid);
        alert.getDialogPane().setId("about-dialog");
        return alert;
    }
}
