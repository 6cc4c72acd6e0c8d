package io.kellydesk.core;

/** The two prediction services the desk combines. */
public enum ModelId {
    LSTM("lstm"), ENSEMBLE("ensemble");

    private final String settingsKey;

    ModelId(String settingsKey) {
        this.settingsKey = settingsKey;
    }

    /** The key of this model in the settings file's {@code model_weights}. */
    public String settingsKey() {
        return settingsKey;
    }
}
