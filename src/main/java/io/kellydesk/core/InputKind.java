package io.kellydesk.core;

/**
 * The inputs of spec step 0, each with the age limit that applies to it. An input is FRESH when its last valid
 * answer is not older than its limit, STALE when it is, and NEVER when no valid answer arrived yet.
 */
public enum InputKind {
    LSTM_PREDICTION("LSTM prediction", "age_lstm_ms"),
    ENSEMBLE_PREDICTION("ensemble prediction", "age_ensemble_ms"),
    TRADE_HISTORY("trade history", "age_trade_history_ms"),
    ACCOUNT("account", "age_account_ms"),
    POSITIONS("positions", "age_positions_ms"),
    WORKING_ORDERS("working orders", "age_working_orders_ms"),
    QUOTE("quote", "age_quote_ms"),
    BARS("daily bars", "age_bars_ms");

    /** Where an input stands at one instant. */
    public enum State { NEVER, FRESH, STALE }

    private final String words;
    private final String column;

    InputKind(String words, String column) {
        this.words = words;
        this.column = column;
    }

    public String words() {
        return words;
    }

    /** The decision log's column for this input's age in milliseconds. */
    public String ageColumn() {
        return column;
    }

    public static InputKind prediction(ModelId model) {
        return switch (model) { // exhaustive: a new model does not compile until it has its input
            case LSTM -> LSTM_PREDICTION;
            case ENSEMBLE -> ENSEMBLE_PREDICTION;
        };
    }

    /** Spec step 0's table: predictions and quotes age fastest, history and bars slowest. */
    public double maxAgeSeconds(SizingSettings settings) {
        return switch (this) {
            case LSTM_PREDICTION, ENSEMBLE_PREDICTION, QUOTE -> settings.maxPredictionAgeSeconds();
            case TRADE_HISTORY, BARS -> settings.maxHistoryAgeSeconds();
            case ACCOUNT, POSITIONS, WORKING_ORDERS -> settings.maxAccountAgeSeconds();
        };
    }
}
