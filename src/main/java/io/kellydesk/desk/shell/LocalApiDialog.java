package io.kellydesk.desk.shell;

import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Help › Local API: the URL, where the token is, and a curl line to copy. */
final class LocalApiDialog {

    private LocalApiDialog() {
    }

    static Alert create(Window owner, Optional<DeskShell.LocalApiText> api) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle("Local API");
        alert.getDialogPane().setId("local-api");
        if (api.isEmpty()) {
            alert.setHeaderText("The local API is off");
            alert.setContentText("Its port (desk.api_port in the settings, Hand-off and governance) is 0, or it could not listen;"
                    + " the banner said why.");
            return alert;
        }
        DeskShell.LocalApiText on = api.get();
        alert.setHeaderText("Read-only, for the firm's other desk tools: " + on.url());
        String curl = "curl -H \"Authorization: Bearer $(cat '" + on.tokenFile() + "')\" " + on.url() + "/current-recommendations";
        TextField line = new TextField(curl);
        line.setEditable(false);
        line.setId("local-api-curl");
        HBox.setHgrow(line, Priority.ALWAYS);
        Button copy = new Button("Copy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(curl);
            Clipboard.getSystemClipboard().setContent(content);
        });
        VBox box = new VBox(8, new Label("Every request carries the bearer token kept in " + on.tokenFile()
                + " (readable by this user only). The WebSocket stream is " + on.url().replace("http", "ws") + "/stream;"
                + " the whole API is described at " + on.url() + "/openapi.json."), new HBox(8, line, copy));
        ((Label) box.getChildren().getFirst()).setWrapText(true);
        box.setPrefWidth(640);
        alert.getDialogPane().setContent(box);
        return alert;
    }
}
