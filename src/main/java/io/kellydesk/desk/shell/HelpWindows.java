package io.kellydesk.desk.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.parser.Parser;

/**
 * Help › Keyboard shortcuts and Help › User guide, each in a window of its own (non-modal, themed like the desk).
 * The guide is {@code docs/user-guide.md}, parsed by CommonMark and laid out as headings, paragraphs and lists.
 */
final class HelpWindows {

    private HelpWindows() {
    }

    static Stage shortcuts(Window owner, List<String> stylesheets) {
        GridPane grid = new GridPane();
        grid.setId("shortcuts");
        grid.getStyleClass().add("help-shortcuts");
        grid.setHgap(24);
        grid.setVgap(5);
        int row = 0;
        String group = null;
        for (KeyboardShortcuts.Shortcut s : KeyboardShortcuts.all()) {
            if (!s.group().equals(group)) {
                group = s.group();
                Label heading = new Label(group.toUpperCase(java.util.Locale.ROOT));
                heading.getStyleClass().add("detail-section");
                GridPane.setMargin(heading, new Insets(row == 0 ? 0 : 10, 0, 2, 0));
                grid.add(heading, 0, row++, 2, 1);
            }
            Label keys = new Label(s.keys());
            keys.getStyleClass().add("help-keys");
            Label action = new Label(s.action());
            action.getStyleClass().add("help-action");
            grid.addRow(row++, keys, action);
        }
        grid.setPadding(new Insets(16, 20, 16, 20));
        return window(owner, stylesheets, "Keyboard shortcuts", new ScrollPane(grid), 560, 640);
    }

    static Stage userGuide(Window owner, List<String> stylesheets) {
        VBox page = new VBox(8);
        page.setId("user-guide");
        page.getStyleClass().add("help-guide");
        page.setPadding(new Insets(16, 22, 20, 22));
        Parser.builder().build().parse(guideText()).accept(new Layout(page));
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        return window(owner, stylesheets, "Kelly Desk — user guide", scroll, 760, 760);
    }

    static String guideText() {
        try (InputStream in = HelpWindows.class.getResourceAsStream("/docs/user-guide.md")) {
            if (in == null) {
                return "# User guide\n\nThe guide is missing from this build.";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stage window(Window owner, List<String> stylesheets, String title, javafx.scene.Parent content, double w, double h) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(title);
        content.getStyleClass().add("help-window");
        Scene scene = new Scene(content, w, h);
        scene.getStylesheets().setAll(stylesheets);
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    /** Block nodes become JavaFX nodes; inline ones become styled runs of a TextFlow. */
    private static final class Layout extends AbstractVisitor {
        private final VBox page;
        private TextFlow flow;
        private String inline = "help-text";
        private int listDepth;
        private int ordinal;

        Layout(VBox page) {
            this.page = page;
        }

        @Override
        public void visit(Heading heading) {
            block("help-h" + Math.min(3, heading.getLevel()), "");
            visitChildren(heading);
        }

        @Override
        public void visit(Paragraph paragraph) {
            if (listDepth == 0) {
                block("help-paragraph", "");
            }
            visitChildren(paragraph);
        }

        @Override
        public void visit(BulletList list) {
            listDepth++;
            int saved = ordinal;
            ordinal = 0;
            visitChildren(list);
            ordinal = saved;
            listDepth--;
        }

        @Override
        public void visit(OrderedList list) {
            listDepth++;
            int saved = ordinal;
            ordinal = 1;
            visitChildren(list);
            ordinal = saved;
            listDepth--;
        }

        @Override
        public void visit(ListItem item) {
            block("help-item", ordinal > 0 ? (ordinal++) + ".  " : "•  ");
            flow.setPadding(new Insets(0, 0, 0, 14 * listDepth));
            visitChildren(item);
        }

        @Override
        public void visit(org.commonmark.node.Text text) {
            run(text.getLiteral(), inline);
        }

        @Override
        public void visit(Code code) {
            run(code.getLiteral(), "help-code");
        }

        @Override
        public void visit(StrongEmphasis strong) {
            styled("help-strong", strong);
        }

        @Override
        public void visit(Emphasis emphasis) {
            styled("help-em", emphasis);
        }

        @Override
        public void visit(SoftLineBreak lineBreak) {
            run(" ", inline);
        }

        private void styled(String style, org.commonmark.node.Node node) {
            String saved = inline;
            inline = style;
            visitChildren(node);
            inline = saved;
        }

        private void block(String style, String lead) {
            flow = new TextFlow();
            flow.getStyleClass().add(style);
            page.getChildren().add(flow);
            if (!lead.isEmpty()) {
                run(lead, "help-text");
            }
        }

        private void run(String text, String style) {
            if (flow == null) {
                block("help-paragraph", "");
            }
            Text t = new Text(text);
            t.getStyleClass().addAll("help-run", style);
            flow.getChildren().add(t);
        }
    }

}
