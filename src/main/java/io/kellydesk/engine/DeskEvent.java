package io.kellydesk.engine;

import io.kellydesk.core.Account;
import io.kellydesk.core.ServiceHealth;
import java.util.List;

/** What the engine tells the desk and the decision log; delivered on the engine's threads. */
public sealed interface DeskEvent {

    /** A symbol's recommendation was recomputed (its inputs, their freshness or the settings changed). */
    record RecommendationChanged(SymbolSnapshot snapshot) implements DeskEvent {
    }

    record ServiceHealthChanged(ServiceHealth health) implements DeskEvent {
    }

    /** The account's drawdown crossed the emergency trigger, one way or the other. */
    record EmergencyChanged(boolean emergency, double drawdownFraction) implements DeskEvent {
    }

    record AccountChanged(Account account) implements DeskEvent {
    }

    record SymbolsChanged(List<String> symbols) implements DeskEvent {
    }

    /** An order handoff changed state (recorded, sending, accepted, rejected, failed, …). */
    record HandoffChanged(io.kellydesk.core.HandoffRecord handoff) implements DeskEvent {
    }
}
