package io.kellydesk.desk.fx;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/** Scrolls a scroll pane vertically, as little as needed, so that a node of its content is fully in view. FX thread. */
public final class ScrollIntoView {

    private ScrollIntoView() {
    }

    public static void node(ScrollPane scroll, Node node) {
        Node content = scroll.getContent();
        if (content == null) {
            return;
        }
        double contentHeight = content.getLayoutBounds().getHeight();
        double viewportHeight = scroll.getViewportBounds().getHeight();
        double scrollable = contentHeight - viewportHeight;
        if (scrollable <= 0) {
            return;
        }
        Bounds inContent = content.sceneToLocal(node.localToScene(node.getLayoutBounds()));
        double range = scroll.getVmax() - scroll.getVmin();
        double offset = (scroll.getVvalue() - scroll.getVmin()) / range * scrollable;
        if (inContent.getMinY() < offset) {
            offset = inContent.getMinY();
        } else if (inContent.getMaxY() > offset + viewportHeight) {
            offset = inContent.getMaxY() - viewportHeight;
        } else {
            return;
        }
        scroll.setVvalue(scroll.getVmin() + Math.max(0, Math.min(scrollable, offset)) / scrollable * range);
    }
}
