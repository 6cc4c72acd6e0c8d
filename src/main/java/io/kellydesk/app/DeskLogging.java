package io.kellydesk.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;

/**
 * The desk's logging, set up in code: a console line and a rolling file in the data folder's {@code logs}
 * (20 MB a file, 30 days, 500 MB at most). Logback finds it through {@code META-INF/services}; configuring in Java
 * instead of parsing a {@code logback.xml} (logback's own advice, its "Tyler" configurators) cut logback's start
 * from ~430 to 170-250 ms on a cold JVM here. A {@code -Dlogback.configurationFile} or a {@code logback-test.xml}
 * still wins.
 */
public final class DeskLogging extends ContextAwareBase implements Configurator {

    /** Set by the launcher before the first log line: the data folder's logs directory. */
    public static final String LOG_DIR_PROPERTY = "kellydesk.logdir";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || DeskLogging.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY; // someone chose another configuration: let logback read it
        }
        install(context, System.getProperty(LOG_DIR_PROPERTY,
                Path.of(System.getProperty("java.io.tmpdir"), "kelly-desk-logs").toString()));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The desk's appenders and levels, in {@code context}, writing files to {@code logDir}. */
    static void install(LoggerContext context, String logDir) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setName("CONSOLE");
        start(console, context, "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %msg%n");

        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setName("FILE");
        file.setContext(context);
        file.setFile(logDir + "/kelly-desk.log");
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(logDir + "/kelly-desk.%d{yyyy-MM-dd}.%i.log.gz");
        rolling.setMaxFileSize(FileSize.valueOf("20MB"));
        rolling.setMaxHistory(30);
        rolling.setTotalSizeCap(FileSize.valueOf("500MB"));
        rolling.start();
        file.setRollingPolicy(rolling);
        start(file, context, "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger - %msg%n");

        // JavaFX CSS noise (unresolved lookups in third-party skins) says nothing a trader can act on.
        context.getLogger("javafx.css").setLevel(Level.ERROR);
        context.getLogger("javafx.scene.CssStyleHelper").setLevel(Level.ERROR);
        context.getLogger("okhttp3").setLevel(Level.WARN);
        context.addTurboFilter(new ClassPathNotice());
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        root.addAppender(file);
    }

    /**
     * JavaFX warns at every start that its classes "were loaded from 'unnamed module'": it runs from the class path
     * here (TilesFX and ControlsFX need it there, and the installer packs the desk as one application). The warning is
     * about module isolation, which the desk does not rely on, and reads like a fault to whoever watches the log: it is
     * replaced by one INFO line that says so.
     */
    static final class ClassPathNotice extends ch.qos.logback.classic.turbo.TurboFilter {
        static final String WARNING = "Unsupported JavaFX configuration";
        private final java.util.concurrent.atomic.AtomicBoolean said = new java.util.concurrent.atomic.AtomicBoolean();

        @Override
        public ch.qos.logback.core.spi.FilterReply decide(org.slf4j.Marker marker, ch.qos.logback.classic.Logger logger, Level level,
                                                         String format, Object[] params, Throwable t) {
            if (format == null || !"javafx".equals(logger.getName()) || !format.startsWith(WARNING)) {
                return ch.qos.logback.core.spi.FilterReply.NEUTRAL;
            }
            if (said.compareAndSet(false, true)) {
                logger.getLoggerContext().getLogger(DeskLogging.class).info("JavaFX runs from the class path, as the desk is packed; "
                        + "its 'unsupported configuration' warning about that (module isolation) does not apply to the desk and is left out");
            }
            return ch.qos.logback.core.spi.FilterReply.DENY;
        }
    }

    private static void start(OutputStreamAppender<ILoggingEvent> appender, LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.start();
    }
}
