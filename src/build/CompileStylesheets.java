import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.css.Stylesheet;

/**
 * Build step (process-classes): writes a binary stylesheet (.bss) beside each of the desk's .css files in the
 * build output. JavaFX loads {@code x.bss} in place of {@code x.css} when both are there, as it does for its own
 * modena; parsing the CSS text was a visible part of the window's first show on a cold JVM. The .css stays in
 * the jar, so a reader (or {@code -Dbinary.css=false}) still gets the text.
 * Run by Maven with the toolchain's JDK: {@code java -cp <classpath> src/build/CompileStylesheets.java <dir>}.
 */
public final class CompileStylesheets {

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CompileStylesheets <folder of .css files>");
        }
        Path folder = Path.of(args[0]);
        List<Path> sheets;
        try (Stream<Path> files = Files.list(folder)) {
            sheets = files.filter(f -> f.getFileName().toString().endsWith(".css")).sorted().toList();
        }
        if (sheets.isEmpty()) {
            throw new IllegalStateException("no .css files in " + folder.toAbsolutePath());
        }
        for (Path css : sheets) {
            String name = css.getFileName().toString();
            Path bss = css.resolveSibling(name.substring(0, name.length() - ".css".length()) + ".bss");
            Stylesheet.convertToBinary(css.toFile(), bss.toFile());
            System.out.println("[CompileStylesheets] " + name + " -> " + bss.getFileName() + " (" + Files.size(bss) + " bytes)");
        }
    }
}
