package io.kellydesk.core;

import java.util.Objects;

/** Everything the settings file configures, as one immutable value: sizing limits, services and desk preferences. */
public record DeskConfiguration(SizingSettings sizing, ServicesSettings services, DeskPreferences desk) {

    public DeskConfiguration {
        Objects.requireNonNull(sizing, "sizing");
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(desk, "desk");
    }

    public static DeskConfiguration defaults() {
        return new DeskConfiguration(SizingSettings.defaults(), ServicesSettings.defaults(), DeskPreferences.defaults());
    }
}
