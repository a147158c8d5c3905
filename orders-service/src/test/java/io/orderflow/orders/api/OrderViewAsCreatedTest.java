package io.orderflow.orders.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.order.CancelOrder;
import io.orderflow.events.order.CheckType;
import io.orderflow.events.order.Order;
import io.orderflow.events.order.OrderCheckCompleted;
import io.orderflow.events.order.OrderLine;
import io.orderflow.events.order.OrderState;
import io.orderflow.events.order.PlaceOrder;
import io.orderflow.events.order.Rejection;
import io.orderflow.events.order.RejectionReason;
import io.orderflow.events.shipment.ShipmentCreated;
import io.orderflow.orders.domain.OrderLifecycle;
import io.orderflow.orders.domain.OrderRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A repeat of a keyed {@code POST /orders} is answered with the order as it was created, rebuilt from the order
 * as it is now: that must be exactly what the first {@code 201} said, whatever happened to the order since.
 */
class OrderViewAsCreatedTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00.123456Z");
    private static final Instant T1 = Instant.parse("2026-11-25T10:00:05Z");
    private static final List<OrderLine> LINES = List.of(new OrderLine("p-1", 2, new BigDecimal("19.99")),
            new OrderLine("p-2", 1, new BigDecimal("5.00")));

    private static final OrderRecord CREATED = OrderLifecycle.place(null,
            new PlaceOrder("cmd-1", "o-1", "c-1", LINES, T0)).next();
    /** What the first answer's body was: {@code OrderCommands.created} builds it from the same function. */
    private static final OrderView FIRST_ANSWER = OrderView.of(CREATED.order());

    @Test
    void aCreatedOrderIsItsOwnCreation() {
        assertThat(FIRST_ANSWER.asCreated()).isEqualTo(FIRST_ANSWER);
        assertThat(FIRST_ANSWER.state()).isEqualTo(OrderState.CREATED);
    }

    @Test
    void aShippedOrderIsRebuiltAsItsCreation() {
        OrderRecord record = CREATED;
        for (OrderCheckCompleted verdict : List.of(OrderCheckCompleted.stock("o-1", "p-1", null, T1),
                OrderCheckCompleted.stock("o-1", "p-2", null, T1), OrderCheckCompleted.payment("o-1", null, T1))) {
            OrderRecord next = OrderLifecycle.check(record, verdict, T1).next();
            record = next != null ? next : record;
        }
        Order shipped = OrderLifecycle.shipped(record, new ShipmentCreated("s-1", "o-1", "c-1", LINES, T1), T1)
                .next().order();

        assertThat(shipped.state()).isEqualTo(OrderState.SHIPPED);
        assertThat(OrderView.of(shipped).asCreated()).isEqualTo(FIRST_ANSWER);
    }

    @Test
    void aRejectedOrCancelledOrderIsRebuiltAsItsCreation() {
        Rejection noFunds = new Rejection(CheckType.PAYMENT, RejectionReason.INSUFFICIENT_FUNDS, "wanted 44.98");
        Order rejected = OrderLifecycle.check(CREATED, OrderCheckCompleted.payment("o-1", noFunds, T1), T1).next().order();
        Order cancelled = OrderLifecycle.cancel(CREATED, new CancelOrder("cmd-2", "o-1", T1), T1).next().order();

        assertThat(OrderView.of(rejected).asCreated()).isEqualTo(FIRST_ANSWER);
        assertThat(OrderView.of(cancelled).asCreated()).isEqualTo(FIRST_ANSWER);
    }
}
