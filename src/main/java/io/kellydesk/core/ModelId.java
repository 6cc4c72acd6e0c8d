package io.kellydesk.core;

/**
 * The prediction services the desk combines. Everything downstream (polls, the symbol's inputs, its snapshot, the
 * detail pane, the status words) iterates over these: a further model is a constant here, its service, its weight in
 * the settings and its parser.
 */
public enum ModelId {
    LSTM("lstm", "LSTM", "the LSTM"), ENSEMBLE("ensemble", "Ensemble", "the ensemble");

    private final String settingsKey;
    private final String displayName;
    private final String inSentence;

    ModelId(String settingsKey, String displayName, String inSentence) {
        this.settingsKey = settingsKey;
        this.displayName = displayName;
        this.inSentence = inSentence;
    }

    /** As a sentence names it ("no valid answer from the ensemble"). */
    public String inSentence() {
        return inSentence;
    }

    /** As the desk names it ("LSTM", "Ensemble"). */
    public String displayName() {
        return displayName;
    }

    /** The key of this model in the settings file's {@code model_weights}. */
    public String settingsKey() {
        return settingsKey;
    }
}
