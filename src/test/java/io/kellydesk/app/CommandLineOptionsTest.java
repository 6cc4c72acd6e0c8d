package io.kellydesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CommandLineOptionsTest {

    private final UserDirectories defaults = new UserDirectories(Path.of("/home/t/.config/kelly-desk"), Path.of("/home/t/.local/share/kelly-desk"));
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLineOptions.ParseResult parse(String... args) {
        return CommandLineOptions.parse(args, defaults, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void noOptionsUseTheUsersFoldersAndAutomaticDemo() {
        AppOptions options = parse().options().orElseThrow();
        assertThat(options.settingsFile()).isEqualTo(Path.of("/home/t/.config/kelly-desk/settings.json"));
        assertThat(options.dataDir()).isEqualTo(Path.of("/home/t/.local/share/kelly-desk"));
        assertThat(options.logDir()).isEqualTo(Path.of("/home/t/.local/share/kelly-desk/logs"));
        assertThat(options.demo()).isEqualTo(AppOptions.DemoMode.AUTO);
    }

    @Test
    void everyOptionIsTaken() {
        AppOptions options = parse("--settings", "/tmp/s.json", "--data-dir=/tmp/d", "--no-demo").options().orElseThrow();
        assertThat(options.settingsFile()).isEqualTo(Path.of("/tmp/s.json"));
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/d"));
        assertThat(options.demo()).isEqualTo(AppOptions.DemoMode.OFF);
        assertThat(parse("--demo").options().orElseThrow().demo()).isEqualTo(AppOptions.DemoMode.ON);
    }

    @Test
    void helpAndVersionPrintAndExitZero() {
        CommandLineOptions.ParseResult help = parse("--help");
        assertThat(help.shouldRun()).isFalse();
        assertThat(help.exitCode()).isZero();
        assertThat(out.toString()).contains("--settings <FILE>", "--data-dir <DIR>", "--demo", "--no-demo", "--smoke-test", "--version")
                .as("options for the load scenario stay out of the help").doesNotContain("--demo-symbols", "--demo-epoch-ms");

        out.getBuffer().setLength(0);
        CommandLineOptions.ParseResult version = parse("--version");
        assertThat(version.shouldRun()).isFalse();
        assertThat(version.exitCode()).isZero();
        assertThat(out.toString()).startsWith("Kelly Desk 0.1.0");
    }

    @Test
    void aBadOptionIsNamedAndExitsNonZero() {
        CommandLineOptions.ParseResult bad = parse("--sizing-mode", "crazy");
        assertThat(bad.shouldRun()).isFalse();
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(err.toString()).contains("Unrecognized option: --sizing-mode").contains("--help");

        for (String[] args : new String[][] {{"--data-dir"}, {"--demo", "--no-demo"}, {"stray"}, {"--port", "0"},
                {"--demo-services-only", "--demo-symbols", "many"}, {"--dem"}}) {
            err.getBuffer().setLength(0);
            assertThat(parse(args).exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString()).as(String.join(" ", args)).startsWith("kelly-desk: ");
        }
        assertThat(parse("--data-dir").exitCode()).isEqualTo(2);
        assertThat(err.toString()).contains("Missing argument for option: data-dir");
    }

    @Test
    void theDemoServicesOnlyTakeTheirPortSymbolsAndEpoch() {
        AppOptions options = parse("--demo-services-only", "--port", "28101", "--demo-symbols=500", "--demo-epoch-ms", "1000")
                .options().orElseThrow();
        assertThat(options.demoServicesOnly()).hasValueSatisfying(d -> {
            assertThat(d.firstPort()).isEqualTo(28101);
            assertThat(d.symbols()).isEqualTo(500);
            assertThat(d.epoch()).isEqualTo(java.time.Duration.ofSeconds(1));
        });
        assertThat(parse("--smoke-test").options().orElseThrow().smokeTest()).isTrue();
        assertThat(parse().options().orElseThrow().demoServicesOnly()).isEmpty();
    }
}
