package io.kellydesk.desk.detail;

import io.kellydesk.engine.DeskEvent;
import io.kellydesk.engine.EventBus;
import io.kellydesk.engine.SymbolSnapshot;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import io.kellydesk.desk.fx.FxCoalescer;
import io.kellydesk.desk.ticket.HandoffWords;

/** Shows the selected symbol in the detail pane and follows its updates (coalesced, FX thread). */
public final class DetailPresenter {

    /** Fixed size the growth curve compares against until the chart toolbar sets it. */
    static final int DEFAULT_FIXED_CONTRACTS = 1;

    private final java.util.function.Supplier<DetailView> viewFactory;
    private final java.util.function.Consumer<SymbolSnapshot> handOff;
    private DetailView view;
    private final EventBus bus;
    private final FxCoalescer fx;
    private final Clock clock;
    private final Map<String, SymbolSnapshot> latest = new ConcurrentHashMap<>();
    private final Map<String, String> handoffs = new ConcurrentHashMap<>();
    /** Symbols whose last engine handoff has no known outcome: Hand off stays enabled, for the retry with its id. */
    private final java.util.Set<String> unresolved = ConcurrentHashMap.newKeySet();
    private volatile String selected;
    /** Why no handoff is possible at all (no writable decision log), when so. */
    private final java.util.function.Supplier<Optional<String>> handoffOff;
    private final java.util.List<EventBus.Subscription> subscriptions = new java.util.ArrayList<>();

    /**
     * @param viewFactory builds and places the pane the first time a symbol is selected (not before the first frame)
     * @param handOff     what the Hand off button does with the shown snapshot (opens the ticket)
     */
    public DetailPresenter(java.util.function.Supplier<DetailView> viewFactory, EventBus bus, FxCoalescer fx, Clock clock,
                           java.util.function.Consumer<SymbolSnapshot> handOff, java.util.function.Supplier<Optional<String>> handoffOff) {
        this.handoffOff = handoffOff;
        this.viewFactory = viewFactory;
        this.bus = bus;
        this.fx = fx;
        this.clock = clock;
        this.handOff = handOff;
    }

    private DetailView view() {
        if (view == null) {
            view = viewFactory.get();
            view.onHandOff(() -> current().ifPresent(handOff));
        }
        return view;
    }

    public void activate() {
        subscriptions.add(bus.subscribe(DeskEvent.RecommendationChanged.class, e -> {
            latest.put(e.snapshot().symbol(), e.snapshot());
            if (e.snapshot().symbol().equals(selected)) {
                fx.post("detail", this::render);
            }
        }));
        subscriptions.add(bus.subscribe(DeskEvent.HandoffChanged.class, e -> {
            var h = e.handoff();
            if (h.target() == io.kellydesk.core.HandoffTarget.ENGINE
                    && (h.status().outcomeUnknown() || h.status() == io.kellydesk.core.HandoffStatus.NOT_RECEIVED)) {
                unresolved.add(h.symbol());
            } else {
                unresolved.remove(h.symbol());
            }
            handoffs.put(h.symbol(), HandoffWords.order(h) + " · " + h.clientOrderId() + " · "
                    + h.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + h.engineOrderId().map(id -> " · order " + id).orElse(""));
            if (h.symbol().equals(selected)) {
                fx.post("detail", this::render);
            }
        }));
    }

    public void deactivate() {
        subscriptions.forEach(EventBus.Subscription::close);
        subscriptions.clear();
    }

    /** The snapshot on show, if any. */
    public Optional<SymbolSnapshot> current() {
        return selected == null ? Optional.empty() : Optional.ofNullable(latest.get(selected));
    }

    /** FX thread. */
    public void select(String symbol) {
        selected = symbol;
        render();
    }

    public Optional<String> selected() {
        return Optional.ofNullable(selected);
    }

    private void render() {
        SymbolSnapshot snapshot = selected == null ? null : latest.get(selected);
        if (snapshot == null) {
            if (view != null) {
                view.clear();
            }
        } else {
            DetailView view = view();
            view.show(snapshot, clock.instant(), DEFAULT_FIXED_CONTRACTS);
            Optional<String> off = handoffOff.get();
            view.showHandoff(off.isEmpty() && (snapshot.recommendation().hasOrder() || unresolved.contains(snapshot.symbol())),
                    off.orElse(handoffs.getOrDefault(snapshot.symbol(), "")));
        }
    }
}
