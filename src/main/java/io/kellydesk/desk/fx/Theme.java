package io.kellydesk.desk.fx;

import java.net.URL;
import java.util.List;
import java.util.Objects;
import javafx.scene.Scene;

/** The desk's two themes: a palette stylesheet plus the shared component stylesheet. */
public enum Theme {
    DARK("/styles/theme-dark.css"),
    LIGHT("/styles/theme-light.css");

    private static final String COMPONENTS = "/styles/desk.css";
    private final String palette;

    Theme(String palette) {
        this.palette = palette;
    }

    public List<String> stylesheets() {
        return List.of(url(palette), url(COMPONENTS));
    }

    /** Replaces whatever theme the scene had; the palette comes first so components can look it up. */
    public void applyTo(Scene scene) {
        scene.getStylesheets().removeIf(sheet -> sheet.contains("/styles/"));
        scene.getStylesheets().addAll(0, stylesheets());
    }

    private static String url(String resource) {
        URL url = Objects.requireNonNull(Theme.class.getResource(resource), () -> "missing stylesheet " + resource);
        return url.toExternalForm();
    }
}
