package io.kellydesk.core;

/** Why a recommendation is not a trade, in the order the method can stop. NONE on a TRADE. Stored by name. */
public enum ReasonCode {
    NONE("tradable"),
    NO_PREDICTION("no prediction from either model"),
    NO_TRADE_HISTORY("no trade history received yet"),
    NO_POSITIONS("no positions received yet"),
    STALE_INPUT("input too old to use"),
    NO_DIRECTION("models balance out: no direction"),
    BELOW_CONFIDENCE("win probability below the confidence threshold"),
    NO_EDGE("no edge: Kelly fraction is zero or negative"),
    BELOW_MIN_FRACTION("fraction below the minimum worth trading"),
    NO_ACCOUNT("no account data from the trading engine"),
    NO_QUOTE("no quote from market data"),
    BELOW_ONE_CONTRACT("size rounds down to zero contracts"),
    UNPRICED_EXPOSURE("an open exposure has no known risk"),
    PORTFOLIO_LIMIT("portfolio risk limit leaves no room"),
    CORRELATION_LIMIT("correlated exposure limit leaves no room"),
    SERVICE_DOWN("an upstream service is down"),
    INVALID_SETTINGS("settings are invalid"),
    RISK_REJECTED("rejected by the final risk check");

    private final String words;

    ReasonCode(String words) {
        this.words = words;
    }

    /** The reason in words for a tile. */
    public String words() {
        return words;
    }
}
