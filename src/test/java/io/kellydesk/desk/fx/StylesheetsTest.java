package io.kellydesk.desk.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.css.CssParser;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The build writes a binary stylesheet beside each of the desk's stylesheets (src/build/CompileStylesheets.java),
 * and JavaFX loads it in place of the text. So the binary must say what the text says, and JavaFX must still
 * prefer it (or the build step is dead weight).
 */
@ExtendWith(ApplicationExtension.class)
class StylesheetsTest {

    @Start
    void start(Stage stage) {
        // Only the toolkit is needed: the probe scene below is styled without being shown.
    }

    @Test
    void everyThemeStylesheetHasABinaryTwinWithTheSameRules() throws IOException {
        for (Theme theme : Theme.values()) {
            for (String sheet : theme.stylesheets()) {
                URL css = URI.create(sheet).toURL();
                URL bss = URI.create(sheet.substring(0, sheet.length() - ".css".length()) + ".bss").toURL();
                List<String> fromText = describe(new CssParser().parse(css));
                List<String> fromBinary = describe(Stylesheet.loadBinary(bss));
                assertThat(fromBinary).as("rules of %s against its .css", bss).isEqualTo(fromText);
                assertThat(fromText).as(sheet).isNotEmpty();
            }
        }
    }

    @Test
    void javaFxLoadsTheBinaryInPlaceOfTheText(@TempDir Path dir, FxRobot robot) throws IOException {
        // A probe pair that disagrees: the text says red, its binary twin says blue.
        Path blue = dir.resolve("blue.css");
        Files.writeString(blue, ".probe { -fx-background-color: #0000ff; }");
        Stylesheet.convertToBinary(blue.toFile(), dir.resolve("probe.bss").toFile());
        Path probe = dir.resolve("probe.css");
        Files.writeString(probe, ".probe { -fx-background-color: #ff0000; }");

        AtomicReference<Paint> fill = new AtomicReference<>();
        robot.interact(() -> {
            Region region = new Region();
            region.getStyleClass().add("probe");
            Scene scene = new Scene(new Group(region));
            scene.getStylesheets().add(probe.toUri().toString());
            region.applyCss();
            fill.set(region.getBackground().getFills().getFirst().getFill());
        });
        assertThat(fill.get()).isEqualTo(Color.BLUE);
    }

    /** Each rule as its selectors and its declared properties with their values, in order. */
    private static List<String> describe(Stylesheet stylesheet) {
        return stylesheet.getRules().stream().map(StylesheetsTest::describe).toList();
    }

    private static String describe(Rule rule) {
        return rule.getSelectors() + " { " + rule.getDeclarations().stream()
                .map(d -> d.getProperty() + ": " + d.getParsedValue() + (d.isImportant() ? " !important" : ""))
                .toList() + " }";
    }
}
