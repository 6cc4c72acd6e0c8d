package io.kellydesk.core;

/**
 * One problem the settings validator found.
 *
 * @param key     the settings-file key, e.g. {@code model_weights}
 * @param message what is wrong and what is allowed, in words a risk officer reads
 */
public record SettingsIssue(String key, Severity severity, String message) {

    public enum Severity {
        /** Blocks: the settings cannot be used. */
        ERROR,
        /** Informs: allowed after the officer confirms the named risk. */
        WARNING
    }

    @Override
    public String toString() {
        return severity + " " + key + ": " + message;
    }
}
