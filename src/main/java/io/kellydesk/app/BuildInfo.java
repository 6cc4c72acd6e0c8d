package io.kellydesk.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Versions of the desk and of the libraries it was built with (filtered in by Maven). */
public record BuildInfo(String version, Map<String, String> componentVersions) {

    public static BuildInfo load() {
        Properties props = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build-info.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read build-info.properties from the application jar", e);
        }
        Map<String, String> components = new LinkedHashMap<>();
        components.put("Java", Runtime.version().toString());
        components.put("JavaFX", props.getProperty("javafx", "?"));
        components.put("TilesFX", props.getProperty("tilesfx", "?"));
        components.put("ControlsFX", props.getProperty("controlsfx", "?"));
        components.put("Jackson", props.getProperty("jackson", "?"));
        components.put("OkHttp", props.getProperty("okhttp", "?"));
        components.put("SQLite JDBC", props.getProperty("sqlite", "?"));
        return new BuildInfo(props.getProperty("version", "dev"), Map.copyOf(components));
    }
}
