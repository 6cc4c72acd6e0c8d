package io.kellydesk.core;

/** How long an order stands: the contract's values and FIX tag 59 (0 = Day, 1 = GTC, 3 = IOC). */
public enum TimeInForce {
    DAY("day", "0"), GTC("gtc", "1"), IOC("ioc", "3");

    private final String contractValue;
    private final String fixValue;

    TimeInForce(String contractValue, String fixValue) {
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
