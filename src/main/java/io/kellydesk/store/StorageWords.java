package io.kellydesk.store;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Storage trouble in one sentence for the banner: what happened, where the file is, what the desk does. The
 * exception and its stack go to the log file, never to the banner.
 */
public final class StorageWords {

    /** What the desk does without a writable log, said the same way in every sentence. */
    public static final String CONSEQUENCE = "decisions are NOT being logged and hand-off is off (no order without its audit row)";

    private StorageWords() {
    }

    /** The data folder (or its lock, or the log in it) cannot be used because of {@code cause}. */
    public static String unusable(Path dataDir, Throwable cause) {
        String text = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        if (cause instanceof AccessDeniedException || text.contains("read-only") || text.contains("permission denied")
                || (cause instanceof SQLException sql && DecisionLog.primaryCode(sql) == 8)) {
            return "The data folder " + dataDir + " cannot be written (it is read-only, or this user may not write there): "
                    + CONSEQUENCE + ". Start the desk with --data-dir on a writable folder.";
        }
        if (text.contains("no space left") || text.contains("disk is full")
                || (cause instanceof SQLException sql && DecisionLog.primaryCode(sql) == 13)) {
            return "The disk holding " + dataDir + " is full: " + CONSEQUENCE + ". Free some space and restart the desk.";
        }
        if (cause instanceof NoSuchFileException || (cause instanceof FileSystemException fs && fs.getReason() == null && !text.isEmpty())) {
            return "The data folder " + dataDir + " cannot be created: " + CONSEQUENCE + ". Choose another with --data-dir.";
        }
        return "The decision log in " + dataDir + " cannot be used (" + firstLine(cause.getMessage()) + "): " + CONSEQUENCE + ".";
    }

    /** Another desk holds the folder: this one reads the log but writes nothing. */
    public static String lockedBy(String holder, Path dataDir) {
        return "Another Kelly Desk (" + (holder.isEmpty() ? "an unknown process" : holder) + ") is using " + dataDir
                + ": this desk shows the log, but " + CONSEQUENCE + ".";
    }

    /** The log was damaged and moved aside; a new one started. */
    public static String movedAside(Path aside) {
        return "The decision log was damaged, so it was moved to " + aside + " (nothing was deleted) and a new, empty log started.";
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 160 ? line.substring(0, 157) + "…" : line;
    }
}
