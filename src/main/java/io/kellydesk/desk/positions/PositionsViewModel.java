package io.kellydesk.desk.positions;

import io.kellydesk.core.Account;
import io.kellydesk.desk.fx.Formats;
import io.kellydesk.desk.table.SymbolRow;
import io.kellydesk.desk.table.SymbolRowsViewModel;
import io.kellydesk.engine.PortfolioRisk;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;

/**
 * The positions panel's state: every symbol's rows (held, working, target, the order on offer, capital at risk
 * against its cap) and the portfolio's open risk against {@code max_portfolio_risk}, recomputed once a pulse when
 * any row changed. Without an account the share of equity is "—", never computed on a default. FX thread.
 */
public final class PositionsViewModel {

    private final SymbolRowsViewModel rows;
    private final Supplier<Optional<Account>> account;
    private final DoubleSupplier maxPortfolioRisk;
    private final StringProperty riskText = new SimpleStringProperty(this, "riskText", "—");
    private final StringProperty totalsText = new SimpleStringProperty(this, "totalsText", "");
    /** Open risk over its limit, 0..1+ for the bar; −1 (indeterminate) without an account. */
    private final DoubleProperty usedOfLimit = new SimpleDoubleProperty(this, "usedOfLimit", -1);
    private boolean recomputeAsked;

    public PositionsViewModel(SymbolRowsViewModel rows, Supplier<Optional<Account>> account, DoubleSupplier maxPortfolioRisk) {
        this.rows = rows;
        this.account = account;
        this.maxPortfolioRisk = maxPortfolioRisk;
        rows.all().addListener((ListChangeListener<SymbolRow>) c -> askRecompute());
    }

    /** Several rows replaced in one pulse sum once, after them. */
    private void askRecompute() {
        if (!recomputeAsked) {
            recomputeAsked = true;
            javafx.application.Platform.runLater(this::recompute);
        }
    }

    public void recompute() {
        recomputeAsked = false;
        PortfolioRisk risk = PortfolioRisk.of(rows.all().stream().map(r -> r.snapshot().recommendation()).toList(),
                account.get(), maxPortfolioRisk.getAsDouble());
        String currency = risk.currency().isBlank() ? "" : " " + risk.currency();
        riskText.set("Risk at the targets " + Formats.money(risk.openRiskCurrency()) + currency + " = "
                + risk.openRiskFraction().stream().mapToObj(Formats::pct).findFirst().orElse("— (no account yet)")
                + " of equity · limit " + Formats.pct(risk.maxPortfolioRiskFraction()) + " (max_portfolio_risk)"
                + (risk.emergency() ? " · EMERGENCY cut in force" : ""));
        usedOfLimit.set(risk.usedOfLimit().orElse(-1));
        long held = rows.all().stream().filter(r -> r.heldContracts() != 0).count();
        long working = rows.all().stream().filter(r -> r.workingContracts() != 0).count();
        long orders = rows.all().stream().filter(r -> r.orderContracts() != 0).count();
        totalsText.set(held + " held · " + working + " with working orders · " + orders + " with an order on offer · "
                + rows.all().size() + " symbols");
    }

    public SymbolRowsViewModel rows() {
        return rows;
    }

    public StringProperty riskTextProperty() {
        return riskText;
    }

    public StringProperty totalsTextProperty() {
        return totalsText;
    }

    public DoubleProperty usedOfLimitProperty() {
        return usedOfLimit;
    }
}
