package io.kellydesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeskLoggingTest {

    @TempDir
    Path logDir;

    @Test
    void theDeskLogsToARollingFileInItsLogFolderAndQuietsCssNoise() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter()); // as the SLF4J provider does
        try {
            DeskLogging.install(context, logDir.toString());
            context.getLogger("io.kellydesk.test").info("a line for the file");
            context.getLogger("javafx.css").warn("an unresolved lookup nobody can act on");
            // JavaFX's class-path warning, as it logs it at every start: one INFO line says why it is left out
            context.getLogger("javafx").warn("Unsupported JavaFX configuration: classes were loaded from 'unnamed module @ea30797'");
            context.getLogger("javafx").warn("Unsupported JavaFX configuration: classes were loaded from 'unnamed module @ea30797'");
            context.getLogger("javafx").warn("another JavaFX warning");

            String written = Files.readString(logDir.resolve("kelly-desk.log"));
            assertThat(written).contains("INFO  [", "io.kellydesk.test - a line for the file").doesNotContain("unresolved lookup");
            assertThat(written).doesNotContain("Unsupported JavaFX configuration").contains("WARN  [main] javafx - another JavaFX warning");
            assertThat(written.lines().filter(l -> l.contains("INFO") && l.contains("JavaFX runs from the class path"))).hasSize(1);
            assertThat(context.getLogger("okhttp3").getLevel()).isEqualTo(Level.WARN);
            assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
        } finally {
            context.stop();
        }
    }

    @Test
    void aLogbackTestOrConfigurationFileWinsOverTheDesksOwn() {
        // the test classpath holds logback-test.xml: the desk's configurator steps aside for it
        LoggerContext context = new LoggerContext();
        DeskLogging logging = new DeskLogging();
        logging.setContext(context);
        assertThat(logging.configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
        context.stop();
    }
}
