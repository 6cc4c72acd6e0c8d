package io.kellydesk.core;

/** Buy or sell, as the contract ({@code "buy"}/{@code "sell"}) and FIX tag 54 ({@code 1}/{@code 2}) spell them. */
public enum OrderSide {
    BUY("buy", "1"), SELL("sell", "2");

    private final String contractValue;
    private final String fixValue;

    OrderSide(String contractValue, String fixValue) {
        this.contractValue = contractValue;
        this.fixValue = fixValue;
    }

    public String contractValue() {
        return contractValue;
    }

    public String fixValue() {
        return fixValue;
    }
}
