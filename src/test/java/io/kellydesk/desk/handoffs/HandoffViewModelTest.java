package io.kellydesk.desk.handoffs;

import static org.assertj.core.api.Assertions.assertThat;

import io.kellydesk.core.DeskPreferences;
import io.kellydesk.core.Direction;
import io.kellydesk.core.HandoffRecord;
import io.kellydesk.core.HandoffStatus;
import io.kellydesk.core.HandoffTarget;
import io.kellydesk.core.OrderSide;
import io.kellydesk.core.OrderTicket;
import io.kellydesk.core.Recommendation;
import io.kellydesk.desk.fx.FxCoalescer;
import io.kellydesk.desk.fx.FxTasks;
import io.kellydesk.engine.EventBus;
import io.kellydesk.engine.HandoffPort;
import io.kellydesk.engine.SymbolSnapshot;
import io.kellydesk.store.StoreFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** What one Hand off click does, decided without a window: refused, retry with the same id, one-click send, review. */
class HandoffViewModelTest {

    private static final Instant AT = Instant.parse("2026-12-01T14:30:00Z");

    /** A port that records what it was asked; its answers are set per test. */
    private static final class Port implements HandoffPort {
        final List<OrderTicket> sent = new ArrayList<>();
        Optional<String> unavailable = Optional.empty();
        Optional<HandoffRecord> unresolved = Optional.empty();
        DeskPreferences preferences = DeskPreferences.defaults();

        @Override
        public CompletableFuture<HandoffRecord> handOff(OrderTicket ticket) {
            sent.add(ticket);
            return new CompletableFuture<>();
        }

        @Override
        public CompletableFuture<HandoffRecord> retry(String clientOrderId) {
            return new CompletableFuture<>();
        }

        @Override
        public Optional<HandoffRecord> unresolved(String symbol) {
            return unresolved;
        }

        @Override
        public void dismiss(String clientOrderId, String why) {
        }

        @Override
        public List<HandoffRecord> today() {
            return List.of();
        }

        @Override
        public Optional<String> unavailable() {
            return unavailable;
        }

        @Override
        public DeskPreferences preferences() {
            return preferences;
        }
    }

    private final Port port = new Port();
    private final List<String> banner = new ArrayList<>();
    private final HandoffViewModel viewModel = new HandoffViewModel(port, new EventBus(), new FxCoalescer(Runnable::run),
            FxTasks.sameThread(), banner::add);

    /** Confidence 0.7 on 1,000,000 equity: a long TRADE from flat (StoreFixtures), so an order to buy. */
    private static SymbolSnapshot trade() {
        Recommendation r = StoreFixtures.recommendation("NQZ26-CME", Direction.LONG, 0.7, AT);
        SymbolSnapshot.InputStatus fresh = new SymbolSnapshot.InputStatus(Optional.of(AT), Optional.empty());
        return new SymbolSnapshot(r.symbol(), r, AT, fresh, SymbolSnapshot.InputStatus.NONE, fresh, Duration.ofSeconds(60));
    }

    private static DeskPreferences oneClick() {
        return new DeskPreferences(List.of(), 1, "dark", HandoffTarget.ENGINE, "", true, 30, 120);
    }

    @Test
    void aTradeOpensItsTicketForReviewAndSendsNothing() {
        SymbolSnapshot snapshot = trade();
        assertThat(snapshot.recommendation().hasOrder()).isTrue();
        assertThat(viewModel.handOff(snapshot)).isInstanceOfSatisfying(HandoffViewModel.Next.Review.class, review -> {
            assertThat(review.ticket().side()).isEqualTo(OrderSide.BUY);
            assertThat(review.ticket().quantityContracts()).isEqualTo(Math.abs(snapshot.recommendation().orderContracts()));
        });
        assertThat(port.sent).isEmpty();
    }

    @Test
    void oneClickSendsExactlyOnceAndWithoutADecisionLogNothingGoes() {
        port.preferences = oneClick();
        assertThat(viewModel.handOff(trade())).isInstanceOf(HandoffViewModel.Next.Sent.class);
        assertThat(port.sent).hasSize(1);

        port.unavailable = Optional.of("Hand-off is off: the decision log could not be opened");
        assertThat(viewModel.handOff(trade())).isInstanceOf(HandoffViewModel.Next.Refused.class);
        assertThat(port.sent).as("refused: not sent").hasSize(1);
        assertThat(banner).containsExactly("Hand-off is off: the decision log could not be opened");
    }

    @Test
    void anEarlierOrderWithNoKnownOutcomeComesFirstEvenUnderOneClick() {
        port.preferences = oneClick();
        port.unresolved = Optional.of(new HandoffRecord("KD-1", "NQZ26-CME", OrderSide.BUY, 2, HandoffTarget.ENGINE, "{}",
                HandoffStatus.UNRESOLVED, Optional.empty(), Optional.of("no answer"), "trader", AT, AT));
        assertThat(viewModel.handOff(trade())).isInstanceOfSatisfying(HandoffViewModel.Next.Retry.class, retry -> {
            assertThat(retry.earlier().clientOrderId()).isEqualTo("KD-1");
            assertThat(retry.ticket().quantityContracts()).as("the earlier order itself").isEqualTo(2);
        });
        assertThat(port.sent).as("never a new id while one is unresolved").isEmpty();
    }
}
