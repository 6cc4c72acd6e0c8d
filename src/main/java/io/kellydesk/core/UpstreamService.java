package io.kellydesk.core;

/** The four upstream services of the contract. */
public enum UpstreamService {
    LSTM("LSTM", "lstm"),
    ENSEMBLE("Ensemble", "ensemble"),
    MARKET_DATA("Market data", "market_data"),
    TRADING_ENGINE("Trading engine", "trading_engine");

    private final String displayName;
    private final String settingsKey;

    UpstreamService(String displayName, String settingsKey) {
        this.displayName = displayName;
        this.settingsKey = settingsKey;
    }

    public String displayName() {
        return displayName;
    }

    /** The key of this service under {@code services} in the settings file. */
    public String settingsKey() {
        return settingsKey;
    }

    public static UpstreamService of(ModelId model) {
        return switch (model) { // exhaustive: a new model does not compile until it has its service
            case LSTM -> LSTM;
            case ENSEMBLE -> ENSEMBLE;
        };
    }
}
