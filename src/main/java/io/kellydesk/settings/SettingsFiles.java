package io.kellydesk.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/** Where the settings file comes from on a desk's first run. */
public final class SettingsFiles {

    static final String DEFAULTS_RESOURCE = "default-settings.json";

    private SettingsFiles() {
    }

    /** Writes the commented default settings to {@code file} when there is none yet; leaves an existing one alone. */
    public static void createWithDefaultsIfMissing(Path file) {
        if (Files.exists(file)) {
            return;
        }
        try (InputStream defaults = Objects.requireNonNull(
                SettingsFiles.class.getResourceAsStream(DEFAULTS_RESOURCE), DEFAULTS_RESOURCE)) {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, ".settings-", ".tmp");
            Files.copy(defaults, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the settings file " + file + ": " + e.getMessage(), e);
        }
    }
}
