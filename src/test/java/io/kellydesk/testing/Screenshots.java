package io.kellydesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Writes PNG screenshots of scenes to target/screenshots/ (headless: Monocle renders in software). */
public final class Screenshots {

    private Screenshots() {
    }

    public static Path directory() {
        return Path.of(System.getProperty("kellydesk.screenshots", "target/screenshots"));
    }

    /** Snapshots {@code scene} on the FX thread and writes {@code name}.png; returns the file. */
    public static Path save(Scene scene, String name) {
        return save(scene, name, 1.0);
    }

    /** As {@link #save(Scene, String)}, rendered at {@code scale} (2.0 = a 200 % HiDPI screen). */
    public static Path save(Scene scene, String name, double scale) {
        CompletableFuture<WritableImage> image = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                if (scale == 1.0) {
                    image.complete(scene.snapshot(null));
                    return;
                }
                javafx.scene.SnapshotParameters params = new javafx.scene.SnapshotParameters();
                params.setTransform(javafx.scene.transform.Transform.scale(scale, scale));
                image.complete(scene.getRoot().snapshot(params, null));
            } catch (RuntimeException e) {
                image.completeExceptionally(e);
            }
        });
        try {
            Path file = directory().resolve(name + ".png");
            Files.createDirectories(file.getParent());
            ImageIO.write(SwingFXUtils.fromFXImage(image.get(10, TimeUnit.SECONDS), null), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not snapshot scene for " + name, e);
        }
    }
}
