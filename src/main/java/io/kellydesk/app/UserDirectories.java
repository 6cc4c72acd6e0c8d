package io.kellydesk.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the desk keeps its settings and its data when the command line does not say:
 * the platform's usual per-user folders (XDG on Linux, AppData on Windows, Application Support on macOS).
 */
public record UserDirectories(Path configDir, Path dataDir) {

    static final String APP_FOLDER = "kelly-desk";

    public static UserDirectories forCurrentUser() {
        return resolve(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static UserDirectories resolve(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            Path appData = pathOr(env.get("APPDATA"), home.resolve("AppData").resolve("Roaming"));
            Path localAppData = pathOr(env.get("LOCALAPPDATA"), home.resolve("AppData").resolve("Local"));
            return new UserDirectories(appData.resolve("KellyDesk"), localAppData.resolve("KellyDesk"));
        }
        if (os.contains("mac")) {
            Path support = home.resolve("Library").resolve("Application Support").resolve("Kelly Desk");
            return new UserDirectories(support, support);
        }
        Path config = pathOr(env.get("XDG_CONFIG_HOME"), home.resolve(".config"));
        Path data = pathOr(env.get("XDG_DATA_HOME"), home.resolve(".local").resolve("share"));
        return new UserDirectories(config.resolve(APP_FOLDER), data.resolve(APP_FOLDER));
    }

    /** "~/.config/kelly-desk/settings.json": a path under the home folder, as a person writes it. */
    public static String shortened(Path path) {
        return shortened(path, Path.of(System.getProperty("user.home")));
    }

    static String shortened(Path path, Path home) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(home) && !absolute.equals(home) ? "~/" + home.relativize(absolute) : absolute.toString();
    }

    private static Path pathOr(String value, Path fallback) {
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }
}
