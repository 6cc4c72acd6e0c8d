package io.kellydesk.settings;

import io.kellydesk.core.DeskConfiguration;
import io.kellydesk.core.SettingsValidator;
import io.kellydesk.core.SizingSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.kellydesk.core.SettingsCatalog;

/**
 * The settings file on disk. Loading falls back to the last good settings (never silently to defaults);
 * saving writes a temporary file and renames it over the old one, after copying the old one to a backup.
 */
public final class SettingsRepository {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsRepository.class);

    private final Path file;
    private final SettingsCodec codec = new SettingsCodec();

    public SettingsRepository(Path file) {
        this.file = Objects.requireNonNull(file).toAbsolutePath();
    }

    /** Where the settings used last time they were valid are kept. */
    public Path lastGoodFile() {
        return file.resolveSibling(file.getFileName() + ".last-good");
    }

    /** Where the file's previous version goes on save. */
    public Path backupFile() {
        return file.resolveSibling(file.getFileName() + ".bak");
    }

    public Path file() {
        return file;
    }

    /**
     * What the desk starts with.
     *
     * @param settings the settings to use; empty when neither the file nor a last good copy is usable
     * @param fromLastGood true when the file was unusable and the last good copy stands in
     * @param problem  what was wrong with the file, in words for the banner; empty when nothing was
     */
    public record Startup(Optional<LoadedSettings> settings, boolean fromLastGood, Optional<String> problem) {
    }

    public Startup loadForStartup() {
        String problem;
        try {
            LoadedSettings loaded = codec.read(file);
            SettingsValidator.Report report = SettingsValidator.validate(loaded.sizing());
            if (report.isUsable()) {
                rememberAsLastGood();
                if (!loaded.unknownKeys().isEmpty()) {
                    LOG.warn("Settings {} has keys the desk does not use (kept as they are): {}", file, loaded.unknownKeys());
                }
                return new Startup(Optional.of(loaded), false, Optional.empty());
            }
            problem = file + " has invalid settings: " + report.errors().getFirst();
        } catch (SettingsFileException e) {
            problem = e.getMessage();
        }
        LOG.error("Settings unusable: {}", problem);
        Path lastGood = lastGoodFile();
        if (Files.exists(lastGood)) {
            try {
                LoadedSettings loaded = codec.read(lastGood);
                return new Startup(Optional.of(loaded), true,
                        Optional.of(problem + " — running on the last good settings (" + lastGood.getFileName() + ")."));
            } catch (SettingsFileException e) {
                LOG.error("Last good settings unusable too: {}", e.getMessage());
            }
        }
        return new Startup(Optional.empty(), false, Optional.of(problem + " — no last good settings: the desk sizes nothing until the file is fixed."));
    }

    /**
     * Writes {@code sizing} (keeping every other key of {@code base}) atomically. The previous file is kept as
     * {@link #backupFile()}. Refuses settings with validation errors.
     */
    public void save(SizingSettings sizing, LoadedSettings base) throws IOException {
        SettingsValidator.Report report = SettingsValidator.validate(sizing);
        if (!report.isUsable()) {
            throw new IllegalArgumentException("refusing to save invalid settings: " + report.errors());
        }
        String text = codec.format(sizing, base);
        writeAtomically(text);
        rememberAsLastGood();
    }

    /**
     * Writes all of {@code configuration} (keeping every other key of {@code base}) atomically; the previous file is
     * kept as {@link #backupFile()}. Refuses a configuration the catalog finds errors in.
     */
    public void save(DeskConfiguration configuration, LoadedSettings base) throws IOException {
        writeAtomically(formatChecked(configuration, base));
        rememberAsLastGood();
    }

    /** Writes {@code configuration} to another file (an export), atomically, in the same format. */
    public void export(DeskConfiguration configuration, LoadedSettings base, Path target) throws IOException {
        new SettingsRepository(target).writeAtomically(formatChecked(configuration, base));
    }

    /**
     * Reads a file offered for import and checks it as a whole: the result holds the configuration only when the file
     * parses and has no errors; otherwise the problems, in words. Nothing is changed either way.
     */
    public static SettingsCatalog.Check checkImport(Path candidate, SettingsCatalog catalog) {
        try {
            LoadedSettings loaded = new SettingsCodec().read(candidate);
            DeskConfiguration configuration = loaded.configuration();
            return catalog.check(configuration, catalog.texts(configuration));
        } catch (SettingsFileException e) {
            return new SettingsCatalog.Check(Optional.empty(), java.util.List.of(new io.kellydesk.core.SettingsIssue(
                    "file", io.kellydesk.core.SettingsIssue.Severity.ERROR, e.getMessage())));
        }
    }

    private String formatChecked(DeskConfiguration configuration, LoadedSettings base) {
        SettingsCatalog catalog = new SettingsCatalog();
        SettingsCatalog.Check check = catalog.check(configuration, catalog.texts(configuration));
        if (!check.errors().isEmpty()) {
            throw new IllegalArgumentException("refusing to save invalid settings: " + check.errors());
        }
        return codec.format(configuration, base);
    }

    /** Replaces the file with {@code text} in one rename; the old file is copied to the backup first. */
    void writeAtomically(String text) throws IOException {
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + file.getFileName() + "-", ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            if (Files.exists(file)) {
                Files.copy(file, backupFile(), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void rememberAsLastGood() {
        try {
            Path lastGood = lastGoodFile();
            if (Files.exists(lastGood) && Files.mismatch(lastGood, file) == -1) {
                return;
            }
            Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName() + "-", ".tmp");
            Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, lastGood, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // Not fatal: the desk runs; only the fallback for a later bad edit is missing.
            LOG.warn("Could not keep a last good copy of the settings: {}", e.getMessage());
        } catch (UncheckedIOException e) {
            LOG.warn("Could not keep a last good copy of the settings: {}", e.getMessage());
        }
    }
}
