package io.kellydesk.desk.fx;

import javafx.scene.layout.Region;

/**
 * Stops layout requests from inside a fixed-size box from travelling up the scene. Its content is unmanaged, so
 * a label whose text changes re-lays out the content only, not every ancestor: without it each tile update made
 * the 100-tile grid (and the TilesFX skin) lay out again, the largest share of the FX pulse under load. The box
 * still sizes its content to itself whenever the box is resized.
 */
public final class LayoutBoundary extends Region {

    private final Region content;

    public LayoutBoundary(Region content) {
        this.content = content;
        content.setManaged(false);
        getChildren().add(content);
    }

    @Override
    protected void layoutChildren() {
        content.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    @Override
    protected double computeMinWidth(double height) {
        return content.minWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return content.minHeight(width);
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return content.prefHeight(width);
    }
}
