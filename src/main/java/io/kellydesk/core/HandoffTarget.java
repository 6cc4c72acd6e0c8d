package io.kellydesk.core;

/** Where a handed-off order goes. */
public enum HandoffTarget {
    /** {@code POST /orders} to the trading engine of the contract. */
    ENGINE("engine"),
    /** Copied to the clipboard as one plain line and as a FIX 4.4 NewOrderSingle, for keying in by hand. */
    CLIPBOARD("clipboard"),
    /** A JSON file written atomically into a folder another system watches. */
    FOLDER("folder");

    private final String settingsValue;

    HandoffTarget(String settingsValue) {
        this.settingsValue = settingsValue;
    }

    public String settingsValue() {
        return settingsValue;
    }

    /** The target named {@code value} in the settings file, or empty when it names none. */
    public static java.util.Optional<HandoffTarget> fromSettings(String value) {
        for (HandoffTarget target : values()) {
            if (target.settingsValue.equalsIgnoreCase(value == null ? "" : value.trim())) {
                return java.util.Optional.of(target);
            }
        }
        return java.util.Optional.empty();
    }
}
