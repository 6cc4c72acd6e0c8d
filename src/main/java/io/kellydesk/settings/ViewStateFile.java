package io.kellydesk.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kellydesk.core.ViewState;
import io.kellydesk.core.ViewStateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's state as {@code view-state.json} in the data folder, written whole or not at all (temp file and an
 * atomic move). A file that does not parse is set aside as the initial state, with one line in the log.
 */
public final class ViewStateFile implements ViewStateStore {

    private static final Logger LOG = LoggerFactory.getLogger(ViewStateFile.class);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final Path file;

    public ViewStateFile(Path file) {
        this.file = Objects.requireNonNull(file);
    }

    @Override
    public ViewState load() {
        try {
            ViewState state = JSON.readValue(Files.readString(file), ViewState.class);
            return state == null ? ViewState.initial() : state;
        } catch (NoSuchFileException first) {
            return ViewState.initial();
        } catch (IOException | RuntimeException e) {
            LOG.info("The window layout in {} could not be read ({}); starting from the default layout", file, e.getMessage());
            return ViewState.initial();
        }
    }

    @Override
    public synchronized void save(ViewState state) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, ".view-state-", ".tmp");
            Files.writeString(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(state));
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not save the window layout to {}: {}", file, e.getMessage());
        }
    }
}
