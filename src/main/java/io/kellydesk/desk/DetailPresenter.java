package io.kellydesk.desk;

import io.kellydesk.engine.DeskEvent;
import io.kellydesk.engine.EventBus;
import io.kellydesk.engine.SymbolSnapshot;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Shows the selected symbol in the detail pane and follows its updates (coalesced, FX thread). */
public final class DetailPresenter {

    /** Fixed size the growth curve compares against until the chart toolbar sets it. */
    static final int DEFAULT_FIXED_CONTRACTS = 1;

    private final DetailView view;
    private final EventBus bus;
    private final FxCoalescer fx;
    private final Clock clock;
    private final Map<String, SymbolSnapshot> latest = new ConcurrentHashMap<>();
    private volatile String selected;
    private EventBus.Subscription subscription;

    public DetailPresenter(DetailView view, EventBus bus, FxCoalescer fx, Clock clock) {
        this.view = view;
        this.bus = bus;
        this.fx = fx;
        this.clock = clock;
    }

    public void activate() {
        subscription = bus.subscribe(DeskEvent.RecommendationChanged.class, e -> {
            latest.put(e.snapshot().symbol(), e.snapshot());
            if (e.snapshot().symbol().equals(selected)) {
                fx.post("detail", this::render);
            }
        });
    }

    public void deactivate() {
        if (subscription != null) {
            subscription.close();
        }
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
            view.clear();
        } else {
            view.show(snapshot, clock.instant(), DEFAULT_FIXED_CONTRACTS);
        }
    }
}
