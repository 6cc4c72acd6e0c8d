package io.kellydesk.engine;

import io.kellydesk.core.Account;
import io.kellydesk.core.Recommendation;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The portfolio's open risk against its limit, one rule for the positions panel and the local API: the sum of every
 * symbol's capital at risk (its target's contracts × risk per contract), as a fraction of equity when the account is
 * known, against {@code max_portfolio_risk}. Without an account the fraction is empty, never computed on a default.
 *
 * @param openRiskCurrency          in the account currency
 * @param openRiskFraction          of equity; empty without an account (or with equity ≤ 0)
 * @param maxPortfolioRiskFraction  the limit, fraction of equity
 */
public record PortfolioRisk(double openRiskCurrency, OptionalDouble openRiskFraction, double maxPortfolioRiskFraction,
                            String currency, boolean emergency) {

    public static PortfolioRisk of(Collection<Recommendation> recommendations, Optional<Account> account, double maxPortfolioRisk) {
        double open = recommendations.stream().mapToDouble(Recommendation::capitalAtRiskCurrency).sum();
        OptionalDouble fraction = account.filter(a -> a.equityCurrency() > 0)
                .map(a -> OptionalDouble.of(open / a.equityCurrency())).orElse(OptionalDouble.empty());
        return new PortfolioRisk(open, fraction, maxPortfolioRisk, account.map(Account::currency).orElse(""),
                recommendations.stream().anyMatch(Recommendation::emergency));
    }

    /** Open risk over its limit (1 = at the limit); empty without an account. */
    public OptionalDouble usedOfLimit() {
        return openRiskFraction.isPresent() && maxPortfolioRiskFraction > 0
                ? OptionalDouble.of(openRiskFraction.getAsDouble() / maxPortfolioRiskFraction) : OptionalDouble.empty();
    }
}
