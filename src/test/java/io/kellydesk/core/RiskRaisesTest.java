package io.kellydesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which settings changes raise risk enough to need the officer's confirmation (issue 18's rule). */
class RiskRaisesTest {

    private final SettingsCatalog catalog = new SettingsCatalog();
    private final DeskConfiguration before = DeskConfiguration.defaults();

    private SizingSettings with(Map<String, String> texts) {
        return catalog.check(before, texts).configuration().orElseThrow().sizing();
    }

    @Test
    void anyRaiseOfTheThreeHardLimitsNeedsConfirmingWithOldNewAndRatio() {
        // 5 → 6 contracts is ×1.2, under 50 %, and still needs confirming: max_position_size is one of the three
        assertThat(RiskRaises.between(before.sizing(), with(Map.of("max_position_size", "6"))))
                .extracting(RiskRaises.Raise::words).containsExactly("Max contracts per position: 5 → 6 (× 1.2)");
        // the case: 5 → 50 is ×10
        assertThat(RiskRaises.between(before.sizing(), with(Map.of("max_position_size", "50"))).getFirst().ratio()).isEqualTo(10.0);
    }

    @Test
    void anotherLimitNeedsConfirmingOnlyAboveFiftyPercentAndALoweringNever() {
        double multiplier = before.sizing().kellyMultiplier(); // 0.5 by default: ×1.5 is 0.75, ×1.6 is 0.8
        assertThat(RiskRaises.between(before.sizing(), with(Map.of("kelly_multiplier", String.valueOf(multiplier * 1.5))))).isEmpty();
        assertThat(RiskRaises.between(before.sizing(), with(Map.of("kelly_multiplier", String.valueOf(multiplier * 1.6)))))
                .extracting(RiskRaises.Raise::key).containsExactly("kelly_multiplier");
        assertThat(RiskRaises.between(before.sizing(), with(Map.of("max_position_size", "2")))).isEmpty();
    }
}
