package io.kellydesk.core;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Spec step 9's working contracts per symbol: the unfilled part of the engine's working orders, and every order
 * the desk sent that the engine's answer does not show yet and that is not known to be final. Where the engine's
 * answer is missing or too old, every desk order not known final counts as working, whole: a fill already in the
 * positions is then counted twice, which can only make the desk more careful.
 */
public final class WorkingOrders {

    private WorkingOrders() {
    }

    /**
     * @param engineOrders the engine's fresh {@code GET /orders} answer; empty when missing or too old
     * @param sent         the desk's own handoffs of the same trading day
     * @return signed working contracts per symbol; symbols with none are absent
     */
    public static Map<String, Integer> perSymbol(Optional<List<EngineOrder>> engineOrders, Collection<SentOrder> sent) {
        Map<String, Integer> working = new HashMap<>();
        Set<String> seenByEngine = new HashSet<>();
        engineOrders.ifPresent(orders -> orders.forEach(o -> {
            seenByEngine.add(o.clientOrderId());
            if (o.workingContracts() != 0) {
                working.merge(o.symbol(), o.workingContracts(), Integer::sum);
            }
        }));
        for (SentOrder s : sent) {
            if (s.mayBeWorking() && !seenByEngine.contains(s.clientOrderId())) {
                working.merge(s.symbol(), s.signedContracts(), Integer::sum);
            }
        }
        working.values().removeIf(v -> v == 0);
        return working;
    }
}
