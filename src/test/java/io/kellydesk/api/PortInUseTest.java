package io.kellydesk.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kellydesk.core.SizingContext;
import io.kellydesk.core.SizingSettings;
import io.kellydesk.engine.DeskEngine;
import io.kellydesk.engine.EventBus;
import io.kellydesk.tasks.DirectTaskExecutor;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A port already taken is one sentence for the banner, and the token file is the owner's alone. */
class PortInUseTest {

    @TempDir
    Path dir;

    @Test
    void aPortInUseIsOneClearSentenceAndNothingListens() throws Exception {
        ScheduledExecutorService stream = Executors.newSingleThreadScheduledExecutor();
        EventBus bus = new EventBus();
        DeskEngine engine = new DeskEngine(SizingContext.of(SizingSettings.defaults(), null), new DirectTaskExecutor(), bus,
                r -> { }, Clock.systemUTC());
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             DeskApi api = new DeskApi(new DeskApi.Sources(engine, bus, Optional.empty(), List::of), ApiToken.loadOrCreate(dir),
                     Clock.systemUTC(), stream)) {
            Optional<String> problem = api.start("127.0.0.1", taken.getLocalPort());
            assertThat(problem).hasValueSatisfying(p -> assertThat(p)
                    .startsWith("The local API could not listen on 127.0.0.1:" + taken.getLocalPort())
                    .endsWith("the desk runs without it."));
            assertThat(api.port()).isEqualTo(-1);
        } finally {
            stream.shutdownNow();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(ApiToken.FILE_NAME)))).isEqualTo("rw-------");
        assertThat(ApiToken.loadOrCreate(dir).value()).as("the same token on the next start").isEqualTo(ApiToken.loadOrCreate(dir).value());
    }
}
