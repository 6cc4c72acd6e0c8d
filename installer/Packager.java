/*
 * Builds the desk's Linux package with the JDK it runs on (the Maven toolchain's JDK 25):
 *   java installer/Packager.java --jar target/kelly-desk-V.jar --libs target/installer/libs --version V --out target/installer
 * Steps: runtime modules from jdeps; jpackage app-image (trimmed jlink runtime, app on the class path); a smoke test
 * of the packaged launcher (under Xvfb), whose first run trains the AOT cache (CDS with linked classes); the start
 * measured without and with it; then the .deb from the app-image. Writes target/installer/report.properties. Exits non-zero on any
 * failure, so the Maven profile fails. Run from the project's root folder.
 */

import java.io.IOException;
import java.io.StringWriter;
import java.io.PrintWriter;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

public class Packager {

    /**
     * Modules jdeps cannot see: elliptic-curve TLS to the services (an alias of java.base on JDK 25, kept for older
     * runtimes). Locale data (jdk.localedata, 12 MB) is left out on purpose: the desk writes numbers in Locale.ROOT.
     */
    static final List<String> ALWAYS = List.of("jdk.crypto.ec");
    /** Runs without the app's AOT cache (the first is the training run that writes it). */
    static final int SMOKE_RUNS = 3;
    /** Runs with it: the start-up figure of the installed desk (issue 21: 7 runs, median ≤ 1.5 s). */
    static final int CACHED_RUNS = 7;

    public static void main(String[] args) throws Exception {
        Map<String, String> a = options(args);
        Path jar = Path.of(a.get("--jar"));
        Path libs = Path.of(a.get("--libs"));
        String version = a.get("--version");
        Path out = Path.of(a.get("--out"));
        try (Stream<Path> old = Files.list(out)) {
            for (Path dir : old.filter(p -> p.getFileName().toString().startsWith("smoke-")).toList()) {
                deleteTree(dir);
            }
        }
        Path input = out.resolve("input");
        deleteTree(input);
        Files.createDirectories(input);
        try (Stream<Path> files = Files.list(libs)) {
            for (Path lib : files.toList()) {
                Files.copy(lib, input.resolve(lib.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.copy(jar, input.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        extractSqliteNative(input);

        String modules = String.join(",", modules(input));
        log("runtime modules: " + modules);

        Path images = out.resolve("image");
        deleteTree(images);
        jpackage("@installer/jpackage-common.txt", "@installer/linux/jpackage-linux.txt", "--type", "app-image",
                "--app-version", version, "--input", input.toString(), "--main-jar", jar.getFileName().toString(),
                "--add-modules", modules, "--dest", images.toString());
        Path image = images.resolve("kelly-desk");
        // The runtime's base CDS archive, dumped again with the launcher's --enable-native-access: an archive dumped
        // without it loses its optimized module graph at every start ("mismatched values for property").
        run(List.of(image.resolve("lib/runtime/bin/java").toString(), "--enable-native-access=ALL-UNNAMED", "-Xshare:dump"));
        Properties report = new Properties();
        report.setProperty("modules", modules);
        report.setProperty("image_mb", mb(size(image)));
        report.setProperty("runtime_mb", mb(size(image.resolve("lib/runtime"))));

        // The runtime's archive for heaps over 32 GB: a desk never runs with one, and it is 14 MB.
        Files.deleteIfExists(image.resolve("lib/runtime/lib/server/classes_nocoops.jsa"));

        // Smoke runs: without the app's AOT cache (the first one is the training run that writes it), then with it.
        // The AOT cache (JEP 483/514) is CDS with the classes also linked: it starts faster than a plain AppCDS archive.
        Path archive = image.resolve("lib/app/kelly-desk.aot").toAbsolutePath();
        List<Long> withoutCds = new ArrayList<>();
        List<Long> withCds = new ArrayList<>();
        for (int run = 0; run < SMOKE_RUNS; run++) {
            Properties r = smoke(image.resolve("bin/kelly-desk"), out, run == 0 ? "-XX:AOTCacheOutput=" + archive : null);
            withoutCds.add(Long.parseLong(r.getProperty("first_frame_ms")));
            // "cds=true" in these: the runtime's own base archive, which every run maps; the app's AOT cache is not used yet
            report.setProperty("smoke_without_app_aot_cache_" + run, r.toString());
        }
        if (!Files.exists(archive)) {
            fail("the AOT cache was not written at " + archive);
        }
        // The runtime's command-line tools (java, keytool, jrunscript, jwebserver, …): the desk's launcher loads the JVM
        // itself and needs none of them. Removed once the AOT cache is written: the CDS dump and the training run's
        // cache assembly are the steps that run bin/java.
        List<String> tools = removeRuntimeTools(image.resolve("lib/runtime/bin"));
        log("runtime tools removed: " + tools);
        report.setProperty("runtime_tools_removed", String.join(",", tools));
        report.setProperty("runtime_mb_without_tools", mb(size(image.resolve("lib/runtime"))));
        Path cfg = image.resolve("lib/app/kelly-desk.cfg");
        String config = Files.readString(cfg);
        Files.writeString(cfg, config.replace("[JavaOptions]\n", "[JavaOptions]\njava-options=-XX:AOTCache=$APPDIR/kelly-desk.aot\n"));
        List<Long> liveTiles = new ArrayList<>();
        for (int run = 0; run < CACHED_RUNS; run++) {
            Properties r = smoke(image.resolve("bin/kelly-desk"), out, null);
            if (!"true".equals(r.getProperty("cds")) || !r.getProperty("cds_archive", "").endsWith("kelly-desk.aot")) {
                fail("the packaged launcher did not map its AOT cache: " + r);
            }
            withCds.add(Long.parseLong(r.getProperty("first_frame_ms")));
            liveTiles.add(Long.parseLong(r.getProperty("first_live_tile_ms")));
            report.setProperty("smoke_with_app_aot_cache_" + run, r.toString());
        }
        report.setProperty("first_live_tile_ms_aot_cache", liveTiles.toString());
        report.setProperty("first_live_tile_ms_median_aot_cache", Long.toString(median(liveTiles)));
        Properties stop = stopTest(image.resolve("bin/kelly-desk"), out);
        stop.forEach((k, v) -> report.setProperty("stop_" + k, v.toString()));
        report.setProperty("first_frame_ms_no_aot_cache", withoutCds.toString());
        report.setProperty("first_frame_ms_aot_cache", withCds.toString());
        report.setProperty("first_frame_ms_median_no_aot_cache", Long.toString(median(withoutCds)));
        report.setProperty("first_frame_ms_median_aot_cache", Long.toString(median(withCds)));
        report.setProperty("image_with_cds_mb", mb(size(image)));

        Path debs = out.resolve("deb");
        deleteTree(debs);
        jpackage("@installer/linux/jpackage-deb.txt", "--app-version", version, "--app-image", image.toString(), "--dest", debs.toString());
        Path deb;
        try (Stream<Path> files = Files.list(debs)) {
            deb = files.filter(p -> p.toString().endsWith(".deb")).findFirst().orElseThrow(() -> new IllegalStateException("no .deb written"));
        }
        keepJarTimes(deb, image, out);
        report.setProperty("deb", deb.toString());
        report.setProperty("deb_mb", mb(Files.size(deb)));
        try (var writer = Files.newBufferedWriter(out.resolve("report.properties"))) {
            report.store(writer, "Kelly Desk installer build");
        }
        log("app-image " + image + " (" + report.getProperty("image_with_cds_mb") + " MB), .deb " + deb + " (" + report.getProperty("deb_mb") + " MB)");
        log("first frame, median: " + median(withoutCds) + " ms without the AOT cache (" + SMOKE_RUNS + " runs), "
                + median(withCds) + " ms with it (" + CACHED_RUNS + " runs); first live tile with it: " + liveTiles
                + ", median " + median(liveTiles) + " ms");
    }

    /** jdeps over the plain jars; a modular jar (it names its own needs) contributes the JDK modules it requires. */
    static Set<String> modules(Path input) throws IOException {
        Set<String> jdk = new TreeSet<>();
        ModuleFinder.ofSystem().findAll().forEach(m -> jdk.add(m.descriptor().name()));
        Set<String> needed = new TreeSet<>(List.of("java.base"));
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        List<Path> jars;
        try (Stream<Path> files = Files.list(input)) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        for (Path jar : jars) {
            var descriptor = ModuleFinder.of(jar).findAll().stream().map(ModuleReference::descriptor)
                    .filter(d -> !d.isAutomatic()).findFirst();
            if (descriptor.isPresent()) {
                descriptor.get().requires().stream().map(ModuleDescriptor.Requires::name).filter(jdk::contains).forEach(needed::add);
                continue;
            }
            StringWriter text = new StringWriter();
            StringWriter errors = new StringWriter();
            int code = jdeps.run(new PrintWriter(text), new PrintWriter(errors), "--ignore-missing-deps", "--print-module-deps",
                    "--multi-release", "25", "--class-path", input + "/*", jar.toString());
            if (code != 0) {
                fail("jdeps failed on " + jar.getFileName() + ": " + errors);
            }
            for (String module : text.toString().trim().split(",")) {
                if (!module.isBlank()) {
                    needed.add(module.trim());
                }
            }
        }
        // JavaFX comes as jars on the class path; its web and media modules are not wanted, and not JDK modules.
        needed.removeIf(m -> m.startsWith("javafx."));
        ALWAYS.stream().filter(jdk::contains).forEach(needed::add);
        return needed;
    }

    /** Runs the packaged launcher with --smoke-test under Xvfb on a fresh data folder; returns its result. */
    static Properties smoke(Path launcher, Path out, String extraVmOption) throws Exception {
        Path data = Files.createTempDirectory(out, "smoke-");
        List<String> command = new ArrayList<>(List.of("xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", launcher.toString(),
                "--smoke-test", "--demo", "--data-dir", data.toString(), "--settings", data.resolve("settings.json").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(data.resolve("console.txt").toFile());
        if (extraVmOption != null) {
            builder.environment().put("JAVA_TOOL_OPTIONS", extraVmOption);
        }
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("the smoke test did not end within 120 s; see " + data.resolve("console.txt"));
        }
        Path result = data.resolve("smoke-result.properties");
        if (process.exitValue() != 0 || !Files.exists(result)) {
            fail("the smoke test failed (exit " + process.exitValue() + "); see " + data.resolve("console.txt"));
        }
        Properties r = new Properties();
        try (var reader = Files.newBufferedReader(result)) {
            r.load(reader);
        }
        if (!"OK".equals(r.getProperty("result"))) {
            fail("the smoke test reported " + r);
        }
        log("smoke test OK: first frame " + r.getProperty("first_frame_ms") + " ms, first live tile " + r.getProperty("first_live_tile_ms")
                + " ms, " + r.getProperty("detail") + (extraVmOption == null ? "" : " (" + extraVmOption + ")"));
        return r;
    }

    /**
     * CDS (and so the AOT cache) accepts an archive only with the class-path jars it was dumped from, checked by size
     * and modification time; jpackage copies the app-image into the .deb with new times, which would silently switch
     * the cache off on every installed desk. So the .deb is unpacked, its jars get the app-image's times back, and it
     * is packed again.
     */
    static void keepJarTimes(Path deb, Path image, Path out) throws Exception {
        Path tree = out.resolve("deb-tree");
        deleteTree(tree);
        run(List.of("dpkg-deb", "-R", deb.toString(), tree.toString()));
        Path installedApp = tree.resolve("opt/kelly-desk/lib/app");
        int fixed = 0;
        try (Stream<Path> jars = Files.list(installedApp)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Path original = image.resolve("lib/app").resolve(jar.getFileName());
                Files.setLastModifiedTime(jar, Files.getLastModifiedTime(original));
                fixed++;
            }
        }
        desktopEntry(tree);
        Files.delete(deb);
        run(List.of("fakeroot", "dpkg-deb", "--build", tree.toString(), deb.toString()));
        deleteTree(tree);
        log("re-packed " + deb.getFileName() + " with the app-image's times on " + fixed + " jars (for the AOT cache)");
    }

    /**
     * The menu entry and the icons as plain files of the package, where the freedesktop specifications look
     * (/usr/share/applications, /usr/share/icons/hicolor): dpkg installs them and a purge removes them. jpackage's own
     * maintainer scripts install the entry with xdg-desktop-menu, which fails without /etc/xdg/menus (a PC with no
     * desktop environment yet) and, under set -e, left the package half-configured and impossible to purge. The scripts
     * here only refresh the desktop's caches, when the tools are there, and never fail the package over them.
     */
    static void desktopEntry(Path tree) throws IOException {
        Path apps = tree.resolve("usr/share/applications");
        Files.createDirectories(apps);
        String entry = Files.readString(Path.of("installer/linux/resources/kelly-desk.desktop"))
                .replace("APPLICATION_DESCRIPTION", "Turns model predictions into Kelly position sizes under the firm's risk limits.")
                .replace("APPLICATION_LAUNCHER", "/opt/kelly-desk/bin/kelly-desk")
                .replace("APPLICATION_ICON", "kelly-desk");
        Files.writeString(apps.resolve("kelly-desk.desktop"), entry);
        for (int size : new int[] {16, 32, 64, 256}) {
            Path icons = tree.resolve("usr/share/icons/hicolor/" + size + "x" + size + "/apps");
            Files.createDirectories(icons);
            Files.copy(Path.of("icons/kelly-desk-" + size + ".png"), icons.resolve("kelly-desk.png"), StandardCopyOption.REPLACE_EXISTING);
        }
        Path control = tree.resolve("DEBIAN");
        String refresh = """
                if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q /usr/share/applications || true; fi
                if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true; fi
                """;
        script(control.resolve("postinst"), "# Kelly Desk: the menu entry and icons are files of the package; only the caches are refreshed.\n" + refresh);
        script(control.resolve("prerm"), "# Kelly Desk: nothing to undo before removal; dpkg removes the package's files.\n");
        script(control.resolve("postrm"), "# Kelly Desk: the caches forget the removed entry. The users' own data (~/.local/share/kelly-desk) is theirs and stays.\n"
                + refresh);
    }

    static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\nset -e\n" + body + "exit 0\n");
        file.toFile().setExecutable(true, false);
    }

    /** Deletes the runtime's command-line tools; returns their names. */
    static List<String> removeRuntimeTools(Path bin) throws IOException {
        List<String> removed = new ArrayList<>();
        if (!Files.isDirectory(bin)) {
            return removed;
        }
        try (Stream<Path> tools = Files.list(bin)) {
            for (Path tool : tools.sorted().toList()) {
                removed.add(tool.getFileName().toString());
                Files.delete(tool);
            }
        }
        Files.delete(bin);
        return removed;
    }

    /**
     * The packaged launcher stopped as the desktop stops it: started on the demo under Xvfb, its window's WM_CLASS
     * read with xprop (the menu entry's StartupWMClass must match it for docks to group the window with its entry),
     * then SIGTERM: the desk must close its log and exit 0.
     */
    static Properties stopTest(Path launcher, Path out) throws Exception {
        Path data = Files.createTempDirectory(out, "smoke-stop-");
        String script = "\"" + launcher + "\" --demo --data-dir \"" + data + "\" --settings \"" + data.resolve("settings.json") + "\" &\n"
                + "desk=$!\n"
                + "for i in $(seq 1 60); do xprop -name 'Kelly Desk' WM_CLASS 2>/dev/null | grep -q WM_CLASS && break; sleep 0.5; done\n"
                + "sleep 3\n"
                + "echo \"wm_class=$(xprop -name 'Kelly Desk' WM_CLASS | sed 's/.*= //')\"\n"
                + "kill -TERM $desk\n"
                + "wait $desk\n"
                + "echo \"exit=$?\"\n";
        Process process = new ProcessBuilder("xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "sh", "-c", script)
                .redirectErrorStream(true).redirectOutput(data.resolve("console.txt").toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("the stop test did not end within 120 s; see " + data.resolve("console.txt"));
        }
        Properties r = new Properties();
        for (String line : Files.readAllLines(data.resolve("console.txt"))) {
            if (line.startsWith("wm_class=") || line.startsWith("exit=")) {
                r.setProperty(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1).trim());
            }
        }
        String log = Files.readString(data.resolve("logs/kelly-desk.log"));
        r.setProperty("log_closed", Boolean.toString(log.contains("SIGTERM received") && log.contains("Kelly Desk stopped")));
        String expected = "\"io.kellydesk.app.KellyDeskApp\", \"io.kellydesk.app.KellyDeskApp\"";
        String entry = Files.readString(Path.of("installer/linux/resources/kelly-desk.desktop"));
        if (!"0".equals(r.getProperty("exit")) || !"true".equals(r.getProperty("log_closed"))) {
            fail("SIGTERM did not stop the packaged desk cleanly: " + r + "; see " + data);
        }
        if (!expected.equals(r.getProperty("wm_class")) || !entry.contains("StartupWMClass=io.kellydesk.app.KellyDeskApp\n")) {
            fail("the window's WM_CLASS " + r.getProperty("wm_class") + " does not match the menu entry's StartupWMClass");
        }
        log("stop test OK: WM_CLASS " + r.getProperty("wm_class") + ", SIGTERM → exit 0, log closed");
        return r;
    }

    static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            fail(String.join(" ", command) + " failed with exit " + process.exitValue());
        }
    }

    static void jpackage(String... args) throws Exception {
        Path tool = Path.of(System.getProperty("java.home"), "bin", "jpackage");
        List<String> command = new ArrayList<>(List.of(tool.toString()));
        command.addAll(Arrays.asList(args));
        log(String.join(" ", command));
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            fail("jpackage failed with exit " + process.exitValue());
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        for (String required : List.of("--jar", "--libs", "--version", "--out")) {
            if (!options.containsKey(required)) {
                fail("missing " + required);
            }
        }
        return options;
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static String mb(long bytes) {
        return String.format("%.1f", bytes / 1e6);
    }

    /**
     * The SQLite driver copies its native library out of its jar into the temp folder at every start (a 1.1 MB write,
     * and a failure where /tmp is mounted noexec). The image carries it next to the jars instead, and the launcher
     * points the driver at it ({@code -Dorg.sqlite.lib.path=$APPDIR} in linux/jpackage-linux.txt).
     */
    static void extractSqliteNative(Path input) throws IOException {
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> throw new IllegalStateException("no SQLite native library for " + System.getProperty("os.arch"));
        };
        Path driver;
        try (Stream<Path> files = Files.list(input)) {
            driver = files.filter(f -> f.getFileName().toString().startsWith("sqlite-jdbc-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("sqlite-jdbc is not among the libraries in " + input));
        }
        String entry = "org/sqlite/native/Linux/" + arch + "/libsqlitejdbc.so";
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(driver.toFile())) {
            java.util.zip.ZipEntry so = zip.getEntry(entry);
            if (so == null) {
                throw new IllegalStateException(driver.getFileName() + " has no " + entry);
            }
            try (var in = zip.getInputStream(so)) {
                Files.copy(in, input.resolve("libsqlitejdbc.so"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        log("SQLite native library from " + driver.getFileName() + " (" + entry + ") into the image");
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted((x, y) -> y.getNameCount() - x.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }

    static void log(String message) {
        System.out.println("[installer] " + message);
    }

    static void fail(String message) {
        System.err.println("[installer] FAILED: " + message);
        System.exit(1);
    }
}
