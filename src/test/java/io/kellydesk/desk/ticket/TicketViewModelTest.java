package io.kellydesk.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.kellydesk.core.DeskPreferences;
import io.kellydesk.core.HandoffTarget;
import io.kellydesk.core.OrderAction;
import io.kellydesk.core.Quote;
import io.kellydesk.core.HandoffRecord;
import io.kellydesk.core.HandoffStatus;
import io.kellydesk.core.OrderSide;
import io.kellydesk.core.OrderTicket;
import io.kellydesk.core.OrderType;
import io.kellydesk.core.TimeInForce;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import io.kellydesk.engine.HandoffPort;

/** The ticket's rules without a window: prefill, limits on the quantity, one send per click. */
class TicketViewModelTest {

    private static final Instant AT = Instant.parse("2026-11-23T14:30:00Z");

    /** Records what it was asked; answers only when the test completes the future. */
    private static final class Port implements HandoffPort {
        final List<OrderTicket> sent = new ArrayList<>();
        final List<String> retried = new ArrayList<>();
        CompletableFuture<HandoffRecord> answer = new CompletableFuture<>();

        @Override
        public CompletableFuture<HandoffRecord> handOff(OrderTicket ticket) {
            sent.add(ticket);
            return answer;
        }

        @Override
        public CompletableFuture<HandoffRecord> retry(String clientOrderId) {
            retried.add(clientOrderId);
            return answer;
        }

        @Override
        public void dismiss(String clientOrderId, String why) {
        }

        @Override
        public Optional<HandoffRecord> unresolved(String symbol) {
            return Optional.empty();
        }

        @Override
        public List<HandoffRecord> today() {
            return List.of();
        }

        @Override
        public DeskPreferences preferences() {
            return DeskPreferences.defaults();
        }
    }

    /** Buy 3 NQ at 1,250 USD risk per contract; the quote's ask 21,000.25, bid 21,000.00. */
    private static TicketViewModel ticket(Port port) {
        // flat, target long 3: add 3; 3 × 1,250 = 3,750 at risk of 100,000 equity = 3.75 %
        OrderTicket t = new OrderTicket("NQZ26-CME", OrderSide.BUY, 3, 3, OrderType.MARKET, OptionalDouble.empty(), TimeInForce.DAY,
                OrderAction.ADD, 0, 0, 3, 0.08, 0.0375, 0.62, 0.64, false, 1_250.0, "USD", OptionalDouble.of(0.03), "h", AT);
        Quote quote = new Quote("NQZ26-CME", 21_000.0, 21_000.0, 21_000.25, 0.25, 20, "USD", 180, 14, AT);
        return new TicketViewModel(t, Optional.of(quote), port, io.kellydesk.desk.fx.FxTasks.sameThread());
    }

    private static HandoffRecord record(String id, HandoffStatus status, Optional<String> orderId) {
        return new HandoffRecord(id, "NQZ26-CME", OrderSide.BUY, 2, HandoffTarget.ENGINE, "{}", status, orderId, Optional.of("…"),
                "trader", AT, AT);
    }

    @Test
    void aBuyLimitDefaultsToTheAskAndTheCapitalAtRiskFollowsTheQuantity() {
        TicketViewModel vm = ticket(new Port());
        assertThat(vm.limitTextProperty().get()).isEqualTo("21000.25");
        // flat, buying 2 of the 3: after the order 2 × 1,250 = 2,500 USD at risk, and this order risks the same
        vm.quantityProperty().set(2);
        assertThat(vm.capitalAtRiskBinding().get()).isEqualTo("after the order 2,500 USD (2 × 1,250) · this order 2,500");
        vm.typeProperty().set(OrderType.LIMIT);
        assertThat(vm.edited().limitPrice()).hasValue(21_000.25);
    }

    @Test
    void aQuantityAboveTheRecommendationIsSentAsTheRecommendation() {
        Port port = new Port();
        TicketViewModel vm = ticket(port);
        vm.quantityProperty().set(9);
        vm.send();
        assertThat(port.sent).singleElement().satisfies(t -> assertThat(t.quantityContracts()).isEqualTo(3));
    }

    @Test
    void oneSendWhileInFlightAndNoneAfterAnAnswer() {
        Port port = new Port();
        TicketViewModel vm = ticket(port);
        vm.send();
        vm.send();
        assertThat(port.sent).hasSize(1);
        assertThat(vm.sendingProperty().get()).isTrue();
        port.answer.complete(record("kd-1", HandoffStatus.ACCEPTED, Optional.of("E-7")));
        assertThat(vm.statusProperty().get()).isEqualTo("Accepted by the engine: order E-7 (client id kd-1)");
        vm.send();
        assertThat(port.sent).as("a spent ticket sends nothing").hasSize(1);
    }

    @Test
    void afterAFailureSendRetriesTheSameId() {
        Port port = new Port();
        TicketViewModel vm = ticket(port);
        vm.send();
        port.answer.complete(record("kd-2", HandoffStatus.FAILED, Optional.empty()));
        assertThat(vm.sendTextProperty().get()).isEqualTo("Retry with the same id");
        assertThat(vm.retryOnlyProperty().get()).as("no edits, no new id").isTrue();
        port.answer = new CompletableFuture<>();
        vm.send();
        assertThat(port.retried).containsExactly("kd-2");
        assertThat(port.sent).hasSize(1);
    }

    @Test
    void aLimitPriceThatIsNotANumberIsNotSent() {
        Port port = new Port();
        TicketViewModel vm = ticket(port);
        vm.typeProperty().set(OrderType.LIMIT);
        vm.limitTextProperty().set("21k");
        vm.send();
        assertThat(port.sent).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("Not sent: the limit price \"21k\" is not a number");
    }
}
