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
    static final int SMOKE_RUNS = 3;

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
            report.setProperty("smoke_no_cds_" + run, r.toString());
        }
        if (!Files.exists(archive)) {
            fail("the AOT cache was not written at " + archive);
        }
        Path cfg = image.resolve("lib/app/kelly-desk.cfg");
        String config = Files.readString(cfg);
        Files.writeString(cfg, config.replace("[JavaOptions]\n", "[JavaOptions]\njava-options=-XX:AOTCache=$APPDIR/kelly-desk.aot\n"));
        for (int run = 0; run < SMOKE_RUNS; run++) {
            Properties r = smoke(image.resolve("bin/kelly-desk"), out, null);
            if (!"true".equals(r.getProperty("cds")) || !r.getProperty("cds_archive", "").endsWith("kelly-desk.aot")) {
                fail("the packaged launcher did not map its AOT cache: " + r);
            }
            withCds.add(Long.parseLong(r.getProperty("first_frame_ms")));
            report.setProperty("smoke_cds_" + run, r.toString());
        }
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
        log("first frame, median of " + SMOKE_RUNS + ": " + median(withoutCds) + " ms without the AOT cache, "
                + median(withCds) + " ms with it");
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
        Files.delete(deb);
        run(List.of("fakeroot", "dpkg-deb", "--build", tree.toString(), deb.toString()));
        deleteTree(tree);
        log("re-packed " + deb.getFileName() + " with the app-image's times on " + fixed + " jars (for the AOT cache)");
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
