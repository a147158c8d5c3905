package io.orderflow.fulfillment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.order.Order;
import io.orderflow.events.order.OrderLine;
import io.orderflow.events.order.OrderState;
import io.orderflow.events.order.OrderStateChanged;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ShipmentRulesTest {

    private static final Instant VALIDATED_AT = Instant.parse("2026-11-25T10:00:00.120Z");
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:01.234567Z");
    private static final List<OrderLine> ITEMS = List.of(
            new OrderLine("p-1", 2, new BigDecimal("19.99")), new OrderLine("p-2", 1, new BigDecimal("5.00")));

    @Test
    void validatedOrderWithoutShipmentIsShippedAndAnnounced() {
        ShipmentStep step = ShipmentRules.onOrderChanged(null, change("o-1", OrderState.VALIDATED), NOW);

        Shipment shipment = step.next();
        assertThat(shipment.shipmentId()).isEqualTo("s-o-1");
        assertThat(shipment.orderId()).isEqualTo("o-1");
        assertThat(shipment.customerId()).isEqualTo("c-1");
        assertThat(shipment.status()).isEqualTo(ShipmentStatus.SHIPPED);
        assertThat(shipment.items()).isEqualTo(ITEMS);
        assertThat(shipment.createdAt()).isEqualTo(Instant.parse("2026-11-25T10:00:01.234Z"));

        assertThat(step.event()).isNotNull();
        assertThat(step.event().shipmentId()).isEqualTo(shipment.shipmentId());
        assertThat(step.event().orderId()).isEqualTo("o-1");
        assertThat(step.event().customerId()).isEqualTo("c-1");
        assertThat(step.event().items()).isEqualTo(ITEMS);
        assertThat(step.event().createdAt()).isEqualTo(shipment.createdAt());
    }

    @Test
    void validatedOrderThatAlreadyHasAShipmentChangesNothing() {
        Shipment existing = ShipmentRules.onOrderChanged(null, change("o-1", OrderState.VALIDATED), NOW).next();

        ShipmentStep again = ShipmentRules.onOrderChanged(existing, change("o-1", OrderState.VALIDATED),
                NOW.plusSeconds(60));

        assertThat(again.next()).isNull();
        assertThat(again.event()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = OrderState.class, names = {"CREATED", "REJECTED", "SHIPPED", "CANCELLED"})
    void noOtherStateMakesAShipment(OrderState state) {
        ShipmentStep step = ShipmentRules.onOrderChanged(null, change("o-1", state), NOW);

        assertThat(step.next()).isNull();
        assertThat(step.event()).isNull();
    }

    @Test
    void cancelAfterTheShipmentWasMadeCancelsTheShipmentWithoutAnnouncingAnything() {
        Shipment shipped = ShipmentRules.onOrderChanged(null, change("o-1", OrderState.VALIDATED), NOW).next();

        ShipmentStep step = ShipmentRules.onOrderChanged(shipped, change("o-1", OrderState.CANCELLED), NOW);

        assertThat(step.next().status()).isEqualTo(ShipmentStatus.CANCELLED);
        assertThat(step.next().shipmentId()).isEqualTo(shipped.shipmentId());
        assertThat(step.next().createdAt()).isEqualTo(shipped.createdAt());
        assertThat(step.event()).isNull();
    }

    @Test
    void cancelledShipmentStaysCancelledWhateverComesLater() {
        Shipment shipped = ShipmentRules.onOrderChanged(null, change("o-1", OrderState.VALIDATED), NOW).next();
        Shipment cancelled = ShipmentRules.onOrderChanged(shipped, change("o-1", OrderState.CANCELLED), NOW).next();

        for (OrderState state : OrderState.values()) {
            ShipmentStep step = ShipmentRules.onOrderChanged(cancelled, change("o-1", state), NOW);
            assertThat(step.next()).as(state.name()).isNull();
            assertThat(step.event()).as(state.name()).isNull();
        }
    }

    @Test
    void shipmentIsNeverDatedBeforeTheValidationEvenWhenThisClockIsBehind() {
        Instant behind = VALIDATED_AT.minusSeconds(5);

        Shipment shipment = ShipmentRules.onOrderChanged(null, change("o-1", OrderState.VALIDATED), behind).next();

        assertThat(shipment.createdAt()).isEqualTo(VALIDATED_AT);
    }

    static OrderStateChanged change(String orderId, OrderState state) {
        Order order = new Order(orderId, "c-1", ITEMS, Order.totalOf(ITEMS), state, List.of(),
                VALIDATED_AT.minusMillis(100), VALIDATED_AT, null);
        return new OrderStateChanged(orderId + "/" + state, order, state == OrderState.CREATED ? null : OrderState.CREATED);
    }
}
