package io.kellydesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SettingsValidatorTest {

    private static final SizingSettings D = SizingSettings.defaults();

    private static SettingsValidator.Report validate(SizingSettings s) {
        return SettingsValidator.validate(s);
    }

    @Test
    void theDefaultsAreClean() {
        assertThat(validate(D).issues()).isEmpty();
    }

    @Test
    void weightsMustSumToOneWithinATenthOfAPercent() {
        assertThat(validate(KellySizerTest.withWeights(D, 0.5, 0.6)).issuesFor("model_weights"))
                .singleElement().satisfies(i -> {
                    assertThat(i.severity()).isEqualTo(SettingsIssue.Severity.ERROR);
                    assertThat(i.message()).contains("sum to 1").contains("1.1");
                });
        assertThat(validate(KellySizerTest.withWeights(D, 0.4005, 0.6)).isUsable()).isTrue();   // off by 0.0005
        assertThat(validate(KellySizerTest.withWeights(D, 0.402, 0.6)).isUsable()).isFalse();   // off by 0.002
        assertThat(validate(KellySizerTest.withWeights(D, -0.4, 1.4)).errors()).extracting(SettingsIssue::message)
                .anyMatch(m -> m.contains("negative"));
    }

    @Test
    void fractionsMustBeInZeroToOne() {
        SizingSettings zeroCap = new SizingSettings(0.0, 0.0, 0.5, 0.6, 0.2, 30, 1, 20, 200, 60, .4, .6, 5, .15, .3, .5, 5, 1.5, 60, .7);
        assertThat(validate(zeroCap).issuesFor("max_kelly_fraction")).isNotEmpty();
        SizingSettings overOne = new SizingSettings(0.25, 0.01, 0.5, 0.6, 1.2, 30, 1, 20, 200, 60, .4, .6, 5, .15, .3, .5, 5, 1.5, 60, .7);
        assertThat(validate(overOne).issuesFor("max_portfolio_risk")).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("(0, 1]"));
    }

    @Test
    void minAboveMaxIsAnError() {
        SizingSettings s = new SizingSettings(0.1, 0.2, 0.5, 0.6, 0.2, 30, 1, 20, 200, 60, .4, .6, 5, .15, .3, .5, 5, 1.5, 60, .7);
        assertThat(validate(s).issuesFor("min_kelly_fraction")).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("above max_kelly_fraction"));
    }

    @Test
    void negativeCountsAreErrors() {
        SizingSettings s = new SizingSettings(0.25, 0.01, 0.5, 0.6, 0.2, -1, 1, 20, -5, 60, .4, .6, -2, .15, .3, .5, 5, 1.5, 60, .7);
        SettingsValidator.Report report = validate(s);
        assertThat(report.errors()).extracting(SettingsIssue::key)
                .contains("win_loss_lookback_days", "calibration_min_outcomes", "max_position_size");
    }

    @Test
    void theConfidenceThresholdLivesInHalfToOne() {
        SizingSettings low = new SizingSettings(0.25, 0.01, 0.5, 0.45, 0.2, 30, 1, 20, 200, 60, .4, .6, 5, .15, .3, .5, 5, 1.5, 60, .7);
        SizingSettings one = new SizingSettings(0.25, 0.01, 0.5, 1.0, 0.2, 30, 1, 20, 200, 60, .4, .6, 5, .15, .3, .5, 5, 1.5, 60, .7);
        assertThat(validate(low).issuesFor("confidence_threshold")).isNotEmpty();
        assertThat(validate(one).issuesFor("confidence_threshold")).isNotEmpty();
    }

    @Test
    void overBettingWarnsButDoesNotBlock() {
        SizingSettings bold = new SizingSettings(0.6, 0.01, 1.5, 0.6, 0.2, 30, 1, 20, 200, 60, .4, .6, 5, .15, .3, .5, 5, 1.5, 60, .7);
        SettingsValidator.Report report = validate(bold);
        assertThat(report.isUsable()).isTrue();
        assertThat(report.warnings()).extracting(SettingsIssue::key).containsExactlyInAnyOrder("max_kelly_fraction", "kelly_multiplier");
        assertThat(report.issuesFor("kelly_multiplier").getFirst().message()).contains("over-betting");
    }
}
