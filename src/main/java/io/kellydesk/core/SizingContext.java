package io.kellydesk.core;

import java.util.Objects;

/**
 * What stays the same between recommendations until the settings or the calibration change: the settings,
 * their validation verdict and version, and the pooled calibration. Built once, used for every symbol.
 *
 * @param calibrator the pooled isotonic fit, or null before any outcome is known
 */
public record SizingContext(SizingSettings settings, SettingsValidator.Report settingsReport, String settingsVersion,
                            IsotonicCalibrator calibrator) {

    public SizingContext {
        Objects.requireNonNull(settings);
        Objects.requireNonNull(settingsReport);
        Objects.requireNonNull(settingsVersion);
    }

    public static SizingContext of(SizingSettings settings, IsotonicCalibrator calibrator) {
        return new SizingContext(settings, SettingsValidator.validate(settings), settings.version(), calibrator);
    }

    /** Settings that did not load: a context whose verdict blocks every trade, naming the problem (fail closed). */
    public static SizingContext blocked(String problem) {
        SettingsValidator.Report report = new SettingsValidator.Report(java.util.List.of(new SettingsIssue("settings file",
                SettingsIssue.Severity.ERROR, problem)));
        return new SizingContext(SizingSettings.defaults(), report, "unusable", null);
    }

    public SizingContext withCalibrator(IsotonicCalibrator newCalibrator) {
        return new SizingContext(settings, settingsReport, settingsVersion, newCalibrator);
    }
}
