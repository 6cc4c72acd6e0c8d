package io.kellydesk.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.kellydesk.core.TableLayout;
import io.kellydesk.core.ViewState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ViewStateFileTest {

    @TempDir
    Path dir;

    @Test
    void theWindowAndTheTablesAreKeptBetweenSessions() {
        ViewStateFile file = new ViewStateFile(dir.resolve("view-state.json"));
        assertThat(file.load()).isEqualTo(ViewState.initial()); // no file yet
        ViewState state = ViewState.initial().withWindow(new ViewState.WindowBounds(10, 20, 1280, 700), false).withMainView("table")
                .withTable("symbols", new TableLayout(List.of("symbol", "p", "status"), List.of("status"), "p", false));
        file.save(state);
        assertThat(new ViewStateFile(dir.resolve("view-state.json")).load()).isEqualTo(state);
    }

    @Test
    void aFileThatDoesNotParseGivesTheDefaultLayoutNotAFailure() throws Exception {
        Files.writeString(dir.resolve("view-state.json"), "{ \"window\": ");
        assertThat(new ViewStateFile(dir.resolve("view-state.json")).load()).isEqualTo(ViewState.initial());
    }
}
