package io.kellydesk.engine;

import io.kellydesk.core.EngineOrder;
import io.kellydesk.core.SentOrder;
import io.kellydesk.core.WorkingOrders;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What is held and working, as one value swapped whole: a sizing never sees new positions with old working orders
 * (a fill counted twice, or not at all).
 *
 * @param held                signed held contracts per symbol; null until the first valid positions answer
 * @param positionsAt         when that answer came; null before
 * @param engineOrders        the engine's orders of the day; null until the first valid {@code GET /orders} answer
 * @param ordersAt            when that answer came; null before
 * @param workingWithEngine   working contracts per symbol: the engine's, plus the desk's orders it does not list yet
 * @param workingFromHandoffs working contracts per symbol from the desk's own orders alone (the answer missing or old)
 */
record ExposureState(Map<String, Integer> held, Instant positionsAt, List<EngineOrder> engineOrders, Instant ordersAt,
                     Map<String, Integer> workingWithEngine, Map<String, Integer> workingFromHandoffs) {

    static final ExposureState NONE = new ExposureState(null, null, null, null, Map.of(), Map.of());

    ExposureState withPositions(Map<String, Integer> newHeld, Instant at) {
        return new ExposureState(Map.copyOf(newHeld), at, engineOrders, ordersAt, workingWithEngine, workingFromHandoffs);
    }

    /** New engine orders and/or desk orders: the working counts are derived again. */
    ExposureState withOrders(List<EngineOrder> orders, Instant at, Collection<SentOrder> sent) {
        return new ExposureState(held, positionsAt, orders, at,
                Map.copyOf(WorkingOrders.perSymbol(Optional.ofNullable(orders), sent)),
                Map.copyOf(WorkingOrders.perSymbol(Optional.empty(), sent)));
    }

    /** Working contracts per symbol at {@code now}: the engine's view while its answer is fresh, the desk's alone after. */
    Map<String, Integer> working(Instant now, double maxAgeSeconds) {
        boolean fresh = ordersAt != null && engineOrders != null
                && java.time.Duration.between(ordersAt, now).toMillis() <= maxAgeSeconds * 1000.0;
        return fresh ? workingWithEngine : workingFromHandoffs;
    }

    /** Every symbol held or working in either count. */
    Set<String> exposedSymbols() {
        Set<String> exposed = new TreeSet<>();
        if (held != null) {
            exposed.addAll(held.keySet());
        }
        exposed.addAll(workingWithEngine.keySet());
        exposed.addAll(workingFromHandoffs.keySet());
        return exposed;
    }
}
