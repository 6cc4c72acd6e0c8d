package io.kellydesk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kellydesk.core.Account;
import io.kellydesk.core.Direction;
import io.kellydesk.core.KellySizer;
import io.kellydesk.core.Recommendation;
import io.kellydesk.core.SizingFixtures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PortfolioRiskTest {

    private static final Recommendation TRADE = KellySizer.recommend(SizingFixtures.workedExample(), SizingFixtures.defaults());
    private static final Recommendation NO_TRADE = KellySizer.recommend(SizingFixtures.simple(Direction.LONG, 0.52, 100_000),
            SizingFixtures.defaults());

    @Test
    void theSumOfTheTargetsRiskAgainstEquityAndTheLimit() {
        assertThat(TRADE.isTrade()).isTrue();
        assertThat(NO_TRADE.isTrade()).isFalse();
        Account account = SizingFixtures.account(100_000, 150_000);
        PortfolioRisk risk = PortfolioRisk.of(List.of(TRADE, NO_TRADE), Optional.of(account), 0.2);
        // a NO TRADE risks nothing: the sum is the trade's capital at risk alone
        assertThat(risk.openRiskCurrency()).isEqualTo(TRADE.capitalAtRiskCurrency());
        assertThat(risk.openRiskFraction().getAsDouble()).isCloseTo(TRADE.capitalAtRiskCurrency() / 100_000, within(1e-12));
        assertThat(risk.usedOfLimit().getAsDouble()).isCloseTo(TRADE.capitalAtRiskCurrency() / 100_000 / 0.2, within(1e-12));
        assertThat(risk.currency()).isEqualTo("USD");
    }

    @Test
    void withoutAnAccountThereIsNoShareOfEquity() {
        PortfolioRisk risk = PortfolioRisk.of(List.of(TRADE), Optional.empty(), 0.2);
        assertThat(risk.openRiskCurrency()).isEqualTo(TRADE.capitalAtRiskCurrency());
        assertThat(risk.openRiskFraction()).isEmpty();
        assertThat(risk.usedOfLimit()).isEmpty();
    }
}
