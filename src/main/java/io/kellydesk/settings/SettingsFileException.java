package io.kellydesk.settings;

import java.nio.file.Path;

/** The settings file cannot be used; the message names the file, and the line and column where known. */
public final class SettingsFileException extends Exception {

    private final int line;
    private final int column;

    public SettingsFileException(String message, int line, int column, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
    }

    static SettingsFileException at(Path source, int line, int column, String problem, Throwable cause) {
        String where = line > 0 ? source + " line " + line + ", column " + column : source.toString();
        return new SettingsFileException(where + ": " + problem, line, column, cause);
    }

    /** 1-based line of the problem, or 0 when it has no single place. */
    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
