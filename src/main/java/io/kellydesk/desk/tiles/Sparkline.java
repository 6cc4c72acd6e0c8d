package io.kellydesk.desk.tiles;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polyline;

/**
 * The last hour of a tile's Kelly fraction used, as a thin line (styled by CSS: {@code .tile-sparkline}). Points
 * are kept per 30-second bucket (the newest value wins), so an hour is at most 120 points whatever the update rate.
 * The vertical scale runs from 0 to the hour's highest fraction; a flat zero line means no trade all hour. FX thread.
 */
final class Sparkline {

    static final Duration WINDOW = Duration.ofHours(1);
    private static final long BUCKET_MS = 30_000;

    private double width;
    private final double height;
    private final TreeMap<Long, Double> buckets = new TreeMap<>();
    private final Polyline line = new Polyline();
    private final Line zero = new Line();
    private final Pane pane = new Pane();

    Sparkline(double width, double height) {
        this.width = width;
        this.height = height;
        line.getStyleClass().add("tile-sparkline");
        zero.getStyleClass().add("tile-sparkline-zero");
        zero.setStartX(0);
        zero.setEndX(width);
        zero.setStartY(height - 0.5);
        zero.setEndY(height - 0.5);
        // unmanaged: a new point must not ask the tile (and the grid) for a new layout
        line.setManaged(false);
        zero.setManaged(false);
        pane.getChildren().addAll(zero, line);
        pane.setMinSize(width, height);
        pane.setPrefSize(width, height);
        pane.setMaxSize(width, height);
        pane.getStyleClass().add("tile-sparkline-pane");
        pane.setMouseTransparent(true);
    }

    Pane node() {
        return pane;
    }

    /** The tile grew or shrank with the window: the line spans the new width from the next draw. */
    void setWidth(double newWidth, Instant now) {
        if (newWidth == width) {
            return;
        }
        width = newWidth;
        zero.setEndX(width);
        pane.setMinWidth(width);
        pane.setPrefWidth(width);
        pane.setMaxWidth(width);
        redraw(now);
    }

    /** Adds the fraction used at {@code at} (0 for no trade); drawn at the next {@link #flush}. */
    void add(Instant at, double fractionUsed) {
        Double before = buckets.put(at.toEpochMilli() / BUCKET_MS, Math.max(0, fractionUsed));
        dirty |= before == null || before != Math.max(0, fractionUsed);
    }

    /**
     * Redraws when a point changed or the window moved on a bucket. Called once a second, not per update: a line
     * 2 px high needs no more, and 100 tiles × 4 updates/s would otherwise redraw 400 lines a second.
     */
    void flush(Instant now) {
        if (dirty || now.toEpochMilli() / BUCKET_MS != lastDrawnBucket) {
            redraw(now);
        }
    }

    private boolean dirty;
    private long lastDrawnBucket = Long.MIN_VALUE;

    /** Seeds older points (from the decision log) without replacing newer ones already shown. */
    void seed(List<Instant> times, List<Double> fractions, Instant now) {
        for (int i = 0; i < times.size(); i++) {
            buckets.putIfAbsent(times.get(i).toEpochMilli() / BUCKET_MS, Math.max(0, fractions.get(i)));
        }
        redraw(now);
    }

    int points() {
        return line.getPoints().size() / 2;
    }

    private void redraw(Instant now) {
        long last = now.toEpochMilli() / BUCKET_MS;
        long first = last - WINDOW.toMillis() / BUCKET_MS;
        buckets.headMap(first).clear();
        double max = buckets.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        List<Double> points = new ArrayList<>(buckets.size() * 2);
        for (var e : buckets.entrySet()) {
            double x = (e.getKey() - first) / (double) (last - first) * width;
            double y = max <= 0 ? height - 0.5 : height - 1 - e.getValue() / max * (height - 2);
            points.add(x);
            points.add(y);
        }
        line.getPoints().setAll(points);
        lastDrawnBucket = last;
        dirty = false;
    }
}
