package io.kellydesk.desk.fx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;
import javafx.fxml.FXMLLoader;

/** Loads a view's FXML from the {@code fxml/} folder with the given controller (views build their controllers). */
public final class Fxml {

    private Fxml() {
    }

    public static <T> T load(Object controller, String fileName) {
        String resource = "/fxml/" + fileName;
        URL fxml = Objects.requireNonNull(Fxml.class.getResource(resource), resource);
        FXMLLoader loader = new FXMLLoader(fxml);
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the layout " + fxml, e);
        }
    }
}
