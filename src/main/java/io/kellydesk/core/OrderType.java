package io.kellydesk.core;

/** Market or limit, as the contract ({@code "market"}/{@code "limit"}) and FIX tag 40 ({@code 1}/{@code 2}) spell them. */
public enum OrderType {
    MARKET("market", "1"), LIMIT("limit", "2");

    private final String contractValue;
    private final String fixValue;

    OrderType(String contractValue, String fixValue) {
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
