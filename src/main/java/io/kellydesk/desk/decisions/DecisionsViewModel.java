package io.kellydesk.desk.decisions;

import io.kellydesk.core.LoggedDecision;
import io.kellydesk.desk.fx.FxCoalescer;
import io.kellydesk.desk.fx.FxTasks;
import io.kellydesk.engine.DecisionBrowser;
import io.kellydesk.engine.DeskEvent;
import io.kellydesk.engine.EventBus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Decisions tab's state: its filters, the rows they select and the count, and its commands (refresh, export,
 * one decision's record). Reads run in the background, one at a time; their result replaces the rows in one update.
 * FX thread, except {@link #activate}/{@link #deactivate}.
 */
public final class DecisionsViewModel {

    /** At most this many rows are listed; filters narrow the view further. */
    /**
     * The newest rows listed: a trader reads the top of the list and narrows the filters for the rest. 100,000 rows of
     * a 100-symbol desk were most of the heap (the list refreshes every 10 s); the export reads every matching row.
     */
    public static final int LIMIT = 5_000;
    /** The most rows one export writes. */
    public static final int EXPORT_LIMIT = 2_000_000;
    public static final String ALL = "All";

    /** The time filter, in words. */
    public enum Period {
        HOUR("Last hour", Duration.ofHours(1)), DAY("Last 24 hours", Duration.ofDays(1)), WEEK("Last 7 days", Duration.ofDays(7)),
        MONTH("Last 30 days", Duration.ofDays(30)), ALL_TIME("All time", null);

        private final String words;
        private final Duration span;

        Period(String words, Duration span) {
            this.words = words;
            this.span = span;
        }

        @Override
        public String toString() {
            return words;
        }
    }

    private final DecisionBrowser browser;
    private final FxTasks tasks;
    private final EventBus bus;
    private final FxCoalescer fx;
    private final Clock clock;
    private final Consumer<String> problems;
    private final ObservableList<LoggedDecision> rows = FXCollections.observableArrayList();
    private final ObservableList<String> symbols = FXCollections.observableArrayList(ALL);
    private final ObjectProperty<String> symbol = new SimpleObjectProperty<>(this, "symbol", ALL);
    private final ObjectProperty<String> status = new SimpleObjectProperty<>(this, "status", ALL);
    private final ObjectProperty<String> reason = new SimpleObjectProperty<>(this, "reason", ALL);
    private final ObjectProperty<Period> period = new SimpleObjectProperty<>(this, "period", Period.DAY);
    private final StringProperty count = new SimpleStringProperty(this, "count", "");
    private EventBus.Subscription symbolsChanged;
    private boolean loading;

    /** @param problems where a failed read or export is reported (the banner) */
    public DecisionsViewModel(DecisionBrowser browser, FxTasks tasks, EventBus bus, FxCoalescer fx, Clock clock, Consumer<String> problems) {
        this.browser = Objects.requireNonNull(browser);
        this.tasks = Objects.requireNonNull(tasks);
        this.bus = Objects.requireNonNull(bus);
        this.fx = Objects.requireNonNull(fx);
        this.clock = Objects.requireNonNull(clock);
        this.problems = Objects.requireNonNull(problems);
        for (ObjectProperty<?> filter : List.of(symbol, status, reason, period)) {
            filter.addListener((obs, was, now) -> refresh());
        }
    }

    /** Offers the engine's symbols in the filter as they change; {@code known} are those announced before. */
    public void activate(List<String> known) {
        offerSymbols(known);
        symbolsChanged = bus.subscribe(DeskEvent.SymbolsChanged.class, e -> fx.post("decision-symbols", () -> offerSymbols(e.symbols())));
    }

    public void deactivate() {
        if (symbolsChanged != null) {
            symbolsChanged.close();
        }
    }

    private void offerSymbols(List<String> active) {
        String chosen = symbol.get();
        symbols.setAll(ALL);
        symbols.addAll(active);
        symbol.set(symbols.contains(chosen) ? chosen : ALL);
    }

    /** Reloads with the current filters, unless a load is already running. */
    public void refresh() {
        if (loading) {
            return;
        }
        DecisionBrowser.Filter filter = filter();
        loading = true;
        tasks.call(() -> browser.find(filter, LIMIT), found -> {
            loading = false;
            rows.setAll(found);
            count.set(String.format(Locale.ROOT, "%,d decision%s%s", found.size(), found.size() == 1 ? "" : "s",
                    found.size() == LIMIT ? String.format(Locale.ROOT, " listed: the newest %,d; Export writes every one that matches", LIMIT) : ""));
        }, problem -> {
            loading = false;
            problems.accept("Cannot list decisions: " + problem);
        });
    }

    DecisionBrowser.Filter filter() {
        Period chosen = period.get() == null ? Period.DAY : period.get();
        Instant from = chosen.span == null ? null : clock.instant().minus(chosen.span);
        return new DecisionBrowser.Filter(chosen(symbol), chosen(status), chosen(reason), from);
    }

    private static String chosen(ObjectProperty<String> filter) {
        return filter.get() == null || filter.get().equals(ALL) ? null : filter.get();
    }

    /** Writes every decision the filters match (not only the rows listed) to {@code file}, in the background. */
    public CompletableFuture<Void> exportTo(Path file) {
        DecisionBrowser.Filter filter = filter();
        int[] written = new int[1];
        return tasks.run(() -> {
                    List<LoggedDecision> all = browser.find(filter, EXPORT_LIMIT);
                    written[0] = all.size();
                    browser.exportCsv(all, file);
                },
                () -> count.set(String.format(Locale.ROOT, "%,d exported to %s", written[0], file.getFileName())),
                problem -> problems.accept("Cannot export decisions to " + file + ": " + problem));
    }

    /** Reads one decision's whole record, inputs included, and hands it to {@code show}. */
    public void details(LoggedDecision decision, Consumer<Map<String, Object>> show) {
        tasks.call(() -> browser.details(decision.id()), record -> {
            if (record.isEmpty()) {
                problems.accept("Cannot read decision " + decision.id());
            } else {
                show.accept(record.get());
            }
        }, problem -> problems.accept("Cannot read decision " + decision.id() + ": " + problem));
    }

    public ObservableList<LoggedDecision> rows() {
        return rows;
    }

    public ObservableList<String> symbols() {
        return symbols;
    }

    public ObjectProperty<String> symbolProperty() {
        return symbol;
    }

    public ObjectProperty<String> statusProperty() {
        return status;
    }

    public ObjectProperty<String> reasonProperty() {
        return reason;
    }

    public ObjectProperty<Period> periodProperty() {
        return period;
    }

    public StringProperty countProperty() {
        return count;
    }
}
