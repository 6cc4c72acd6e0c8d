package io.kellydesk.desk.chart;

import io.kellydesk.core.Account;
import io.kellydesk.core.ClosedTrade;
import io.kellydesk.core.KellyReplay;
import io.kellydesk.core.SizingSettings;
import io.kellydesk.desk.fx.Formats;
import io.kellydesk.desk.fx.FxTasks;
import io.kellydesk.engine.DeskEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The chart's state and command: which trades to replay (the selected symbol's or the whole desk's), with how many
 * fixed contracts, and the replay of them under the desk's walk-forward Kelly sizing (its kelly_multiplier), half of that, and a fixed size.
 * The replay runs in the background; its result replaces {@link #replayProperty()} once. FX thread.
 */
public final class ChartViewModel {

    public static final String WHOLE_DESK = "Whole desk";
    public static final String SELECTED = "Selected symbol";

    /** One replay and what it was of. */
    public record Replay(String title, double startEquity, String currency, SizingSettings settings, int fixed,
                         KellyReplay.Result result) {
    }

    private record Request(String title, List<ClosedTrade> trades, double startEquity, String currency, SizingSettings settings,
                           Map<String, Double> atrRisk, int fixed) {
    }

    private final DeskEngine engine;
    private final FxTasks tasks;
    private final Clock clock;
    private final ObjectProperty<String> scope = new SimpleObjectProperty<>(this, "scope", WHOLE_DESK);
    private final ObjectProperty<Integer> fixedContracts = new SimpleObjectProperty<>(this, "fixedContracts", 1);
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final ReadOnlyObjectWrapper<Replay> replay = new ReadOnlyObjectWrapper<>(this, "replay");
    private String selectedSymbol;

    public ChartViewModel(DeskEngine engine, FxTasks tasks, Clock clock) {
        this.engine = Objects.requireNonNull(engine);
        this.tasks = Objects.requireNonNull(tasks);
        this.clock = Objects.requireNonNull(clock);
        scope.addListener((obs, was, now) -> redraw());
        fixedContracts.addListener((obs, was, now) -> redraw());
    }

    /** Follows the tile selection; switches the scope to it. */
    public void select(String symbol) {
        selectedSymbol = symbol;
        if (SELECTED.equals(scope.get())) {
            redraw();
        } else {
            scope.set(SELECTED);
        }
    }

    /** Replays again on the engine's current trades, account and settings. */
    public void redraw() {
        Optional<Account> account = engine.account();
        if (account.isEmpty()) {
            status.set("no account yet: nothing to replay from");
            replay.set(null);
            return;
        }
        boolean desk = WHOLE_DESK.equals(scope.get()) || selectedSymbol == null;
        SizingSettings settings = engine.context().settings();
        List<ClosedTrade> trades = new ArrayList<>();
        for (String symbol : desk ? engine.activeSymbols() : List.of(selectedSymbol)) {
            trades.addAll(KellyReplay.inWindow(engine.closedTrades(symbol), clock.instant(), Duration.ofDays(settings.winLossLookbackDays())));
        }
        Request request = new Request(desk ? "the whole desk" : selectedSymbol, trades, account.get().equityCurrency(),
                account.get().currency(), settings, engine.atrRiskPerContract(), fixedContracts.get());
        status.set("replaying " + trades.size() + " trades…");
        tasks.call(() -> KellyReplay.replay(request.trades(), request.startEquity(), request.settings(), request.atrRisk(), request.fixed()),
                result -> {
                    status.set(result.trades().size() + " trades of " + request.title());
                    replay.set(new Replay(request.title(), request.startEquity(), request.currency(), request.settings(),
                            request.fixed(), result));
                }, problem -> status.set("replay failed: " + problem));
    }

    /** Whole-number ticks for {@code trades} trades: 1, 2, 5, 10, 20, 50… so that there are at most 10. */
    public static double tradeTick(int trades) {
        for (long step = 1; ; step *= 10) {
            for (long m : new long[] {1, 2, 5}) {
                if (trades / (double) (step * m) <= 10) {
                    return step * m;
                }
            }
        }
    }

    /** The replay in one sentence, under the chart. */
    public static String summary(Replay r) {
        return String.format(Locale.ROOT, "Replayed: %d closed trades of %s (last %d days, in exit order) from today's equity "
                + "%,.0f %s; desk sizing recomputed before each trade from the earlier trades only. Hover for the method.",
                r.result().trades().size(), r.title(), r.settings().winLossLookbackDays(), r.startEquity(), r.currency());
    }

    /** How the replay sizes, in full (the summary's tooltip). */
    public static String method(Replay r) {
        SizingSettings s = r.settings();
        return String.format(Locale.ROOT, "Replayed: the %d closed trades of %s that exited in the last %d days, in exit order, "
                + "from today's equity %,.0f %s. Desk sizing: before each trade, the win rate and payoff ratio of the earlier "
                + "trades only (of the same symbol), pulled toward the prior; f = %s × Kelly, capped at %s, none below %s; contracts "
                + "= floor(f × equity / risk per contract), at most %d. Half: half that fraction. Fixed: %d contract%s on every trade. "
                + "Each trade's result per contract is scaled to the contracts of each line.",
                r.result().trades().size(), r.title(), s.winLossLookbackDays(), r.startEquity(), r.currency(),
                Formats.plain(s.kellyMultiplier()), Formats.pct(s.maxKellyFraction()), Formats.pct(s.minKellyFraction()),
                s.maxPositionSizeContracts(), r.fixed(), r.fixed() == 1 ? "" : "s");
    }

    public ObjectProperty<String> scopeProperty() {
        return scope;
    }

    public ObjectProperty<Integer> fixedContractsProperty() {
        return fixedContracts;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ReadOnlyObjectProperty<Replay> replayProperty() {
        return replay.getReadOnlyProperty();
    }
}
