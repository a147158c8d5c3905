package io.orderflow.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.order.Order;
import io.orderflow.events.order.OrderLine;
import io.orderflow.events.order.OrderState;
import io.orderflow.events.order.OrderStateChanged;
import io.orderflow.payment.domain.PaymentAction.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaymentActionTest {

    @Test
    void creationAsksForACheckWithTheOrdersTotalAndCreationTime() {
        Instant createdAt = Instant.parse("2026-11-25T10:00:00Z");

        PaymentAction action = PaymentAction.of(change(OrderState.CREATED, null, createdAt)).orElseThrow();

        assertThat(action.kind()).isEqualTo(Kind.CHECK);
        assertThat(action.orderId()).isEqualTo("o-1");
        assertThat(action.customerId()).isEqualTo("c-1");
        assertThat(action.total()).isEqualTo("39.98");
        assertThat(action.createdAt()).isEqualTo(createdAt);
    }

    @Test
    void rejectionAndCancellationReleaseShippingCaptures() {
        assertThat(kindOf(OrderState.REJECTED, OrderState.CREATED)).contains(Kind.RELEASE);
        assertThat(kindOf(OrderState.CANCELLED, OrderState.CREATED)).contains(Kind.RELEASE);
        assertThat(kindOf(OrderState.CANCELLED, OrderState.VALIDATED)).contains(Kind.RELEASE);
        assertThat(kindOf(OrderState.SHIPPED, OrderState.VALIDATED)).contains(Kind.CAPTURE);
    }

    @Test
    void validationDoesNotConcernPayment() {
        assertThat(kindOf(OrderState.VALIDATED, OrderState.CREATED)).isEmpty();
    }

    private static Optional<Kind> kindOf(OrderState state, OrderState previous) {
        return PaymentAction.of(change(state, previous, Instant.parse("2026-11-25T10:00:00Z"))).map(PaymentAction::kind);
    }

    private static OrderStateChanged change(OrderState state, OrderState previous, Instant createdAt) {
        Order order = new Order("o-1", "c-1", List.of(new OrderLine("p-1", 2, new BigDecimal("19.99"))),
                new BigDecimal("39.98"), state, List.of(), createdAt, createdAt, null);
        return new OrderStateChanged("o-1/" + state, order, previous);
    }
}
