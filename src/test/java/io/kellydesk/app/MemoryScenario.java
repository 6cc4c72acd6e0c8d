package io.kellydesk.app;

import io.kellydesk.core.DeskConfiguration;
import io.kellydesk.core.ServicesSettings;
import io.kellydesk.core.UpstreamService;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 21's memory scenario: the desk as a desk PC runs it — its own JVM with the installed launcher's JVM options
 * (read from installer/jpackage-common.txt), polling demo services of N symbols in another process — and its
 * resident memory, heap and GC pauses sampled over time. Run: {@code mvn -Pload verify
 * -Dload.main=io.kellydesk.app.MemoryScenario} (-Dmem.minutes=10 -Dmem.symbols=100 -Dmem.sampleSeconds=30 are the
 * defaults). With DISPLAY set the desk draws on that X display (Xvfb), otherwise headless under Monocle.
 */
public final class MemoryScenario {

    public static void main(String[] args) throws Exception {
        int minutes = Integer.getInteger("mem.minutes", 10);
        int symbols = Integer.getInteger("mem.symbols", 100);
        int sampleSeconds = Integer.getInteger("mem.sampleSeconds", 30);
        Path dir = Files.createTempDirectory("kd-memory-");
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("java.class.path");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort() + 10; // four ports from here on, one per service
        }
        Process demo = new ProcessBuilder(java, "-Xmx512m", "-cp", classpath, "io.kellydesk.app.Launcher", "--demo-services-only",
                "--port", Integer.toString(port), "--demo-symbols", Integer.toString(symbols))
                .redirectErrorStream(true).redirectOutput(dir.resolve("demo.txt").toFile()).start();
        waitForHealth(port + UpstreamService.TRADING_ENGINE.ordinal());

        Map<UpstreamService, ServicesSettings.Endpoint> endpoints = new EnumMap<>(UpstreamService.class);
        for (UpstreamService service : UpstreamService.values()) {
            endpoints.put(service, new ServicesSettings.Endpoint("http://127.0.0.1:" + (port + service.ordinal()), Optional.empty()));
        }
        DeskConfiguration defaults = DeskConfiguration.defaults();
        DeskConfiguration configuration = new DeskConfiguration(defaults.sizing(), defaults.services().withEndpoints(endpoints), defaults.desk());
        Path settings = dir.resolve("settings.json");
        Files.writeString(settings, new io.kellydesk.settings.SettingsCodec().format(configuration,
                (com.fasterxml.jackson.databind.node.ObjectNode) null));

        List<String> jvm = launcherJvmOptions();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvm);
        command.add("-Xlog:gc:file=" + dir.resolve("gc.log") + ":uptime");
        boolean onX = System.getenv("DISPLAY") != null;
        if (!onX) {
            command.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                    "-Dheadless.geometry=1440x900-32"));
        }
        command.addAll(List.of("-cp", classpath, "io.kellydesk.app.Launcher", "--no-demo", "--settings", settings.toString(),
                "--data-dir", dir.resolve("data").toString()));
        System.out.printf(Locale.ROOT, "desk JVM options: %s (%s)%n", String.join(" ", jvm), onX ? "on X display " + System.getenv("DISPLAY") : "Monocle headless");
        Process desk = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("desk.txt").toFile()).start();
        long pid = desk.pid();
        System.out.printf(Locale.ROOT, "%6s %8s %10s %12s %10s %12s%n", "t s", "RSS MB", "heap MB", "committed MB", "GC pauses", "max pause ms");
        List<Double> rss = new ArrayList<>();
        List<Double> pauses = new ArrayList<>();
        int seen = 0;
        long start = System.nanoTime();
        try {
            for (int t = sampleSeconds; t <= minutes * 60; t += sampleSeconds) {
                long wait = start + TimeUnit.SECONDS.toNanos(t) - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                if (!desk.isAlive()) {
                    throw new IllegalStateException("the desk exited (" + desk.exitValue() + "); see " + dir.resolve("desk.txt"));
                }
                double rssMb = rssMb(pid);
                double[] heap = heapMb(java, pid);
                List<Double> all = pausesMs(dir.resolve("gc.log"));
                List<Double> fresh = all.subList(Math.min(seen, all.size()), all.size());
                seen = all.size();
                pauses.addAll(fresh);
                rss.add(rssMb);
                System.out.printf(Locale.ROOT, "%6d %8.1f %10.1f %12.1f %10d %12.2f%n", t, rssMb, heap[0], heap[1], fresh.size(),
                        fresh.stream().mapToDouble(Double::doubleValue).max().orElse(0));
            }
        } finally {
            desk.destroy(); // SIGTERM: the desk stops cleanly
            desk.waitFor(20, TimeUnit.SECONDS);
            demo.destroy();
            demo.waitFor(10, TimeUnit.SECONDS);
        }
        List<Double> sortedPauses = pauses.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "RSS at the end %.1f MB (max %.1f MB over the run); GC pauses %d: median %.2f ms, p99 %.2f ms, max %.2f ms%n",
                rss.getLast(), rss.stream().mapToDouble(Double::doubleValue).max().orElse(0), sortedPauses.size(),
                pct(sortedPauses, 0.5), pct(sortedPauses, 0.99), sortedPauses.isEmpty() ? 0 : sortedPauses.getLast());
        System.out.println("files: " + dir);
        System.exit(0);
    }

    /** The installed launcher's --java-options, as installer/jpackage-common.txt lists them. */
    static List<String> launcherJvmOptions() throws Exception {
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("installer/jpackage-common.txt"))) {
            if (line.startsWith("--java-options ")) {
                options.add(line.substring("--java-options ".length()).trim());
            }
        }
        return options;
    }

    private static void waitForHealth(int port) {
        HttpClient probe = HttpClient.newHttpClient();
        io.kellydesk.testing.Eventually.await(Duration.ofSeconds(60), "demo services on port " + port, () -> {
            try {
                return probe.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (java.io.IOException notYet) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    private static double rssMb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    /** Heap used and committed, MB, from jstat -gc (S0C S1C S0U S1U EC EU OC OU …). */
    private static double[] heapMb(String java, long pid) throws Exception {
        Path jstat = Path.of(java).resolveSibling("jstat");
        Process p = new ProcessBuilder(jstat.toString(), "-gc", Long.toString(pid)).redirectErrorStream(true).start();
        String[] lines = new String(p.getInputStream().readAllBytes()).trim().split("\n");
        p.waitFor(10, TimeUnit.SECONDS);
        String[] head = lines[0].trim().split("\\s+");
        String[] v = lines[lines.length - 1].trim().split("\\s+");
        double used = 0;
        double committed = 0;
        for (int i = 0; i < head.length && i < v.length; i++) {
            switch (head[i]) {
                case "S0U", "S1U", "EU", "OU" -> used += Double.parseDouble(v[i]);
                case "S0C", "S1C", "EC", "OC" -> committed += Double.parseDouble(v[i]);
                default -> { }
            }
        }
        return new double[] {used / 1024, committed / 1024};
    }

    private static final Pattern PAUSE = Pattern.compile("Pause .* (\\d+\\.\\d+)ms");

    private static List<Double> pausesMs(Path log) throws Exception {
        List<Double> pauses = new ArrayList<>();
        if (!Files.exists(log)) {
            return pauses;
        }
        for (String line : Files.readAllLines(log)) {
            Matcher m = PAUSE.matcher(line);
            if (m.find()) {
                pauses.add(Double.parseDouble(m.group(1)));
            }
        }
        return pauses;
    }

    private static double pct(List<Double> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
    }
}
