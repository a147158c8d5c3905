package io.orderflow.orders.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.command.CommandStatus;
import io.orderflow.events.order.CancelOrder;
import io.orderflow.events.order.CheckType;
import io.orderflow.events.order.OrderCheckCompleted;
import io.orderflow.events.order.OrderLine;
import io.orderflow.events.order.OrderState;
import io.orderflow.events.order.PlaceOrder;
import io.orderflow.events.order.Rejection;
import io.orderflow.events.order.RejectionReason;
import io.orderflow.events.shipment.ShipmentCreated;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00.123456Z");
    private static final Instant T1 = Instant.parse("2026-11-25T10:00:01Z");

    private static PlaceOrder place(String commandId, int quantity, String price) {
        return new PlaceOrder(commandId, "o-1", "c-1", List.of(new OrderLine("p-1", quantity, new BigDecimal(price))), T0);
    }

    private static OrderRecord created() {
        return OrderLifecycle.place(null, place("cmd-1", 2, "19.99")).next();
    }

    @Test
    void placingANewOrderCreatesItWithTotalAndMillisecondTimes() {
        Step step = OrderLifecycle.place(null, place("cmd-1", 2, "19.99"));

        assertThat(step.next().order().state()).isEqualTo(OrderState.CREATED);
        assertThat(step.next().order().total()).isEqualByComparingTo("39.98");
        assertThat(step.next().order().createdAt()).isEqualTo(Instant.parse("2026-11-25T10:00:00.123Z"));
        assertThat(step.next().order().updatedAt()).isEqualTo(step.next().order().createdAt());
        assertThat(step.event().previousState()).isNull();
        assertThat(step.reply().status()).isEqualTo(CommandStatus.APPLIED);
    }

    @Test
    void theSameBodyAgainIsADuplicateComparedNumerically() {
        Step step = OrderLifecycle.place(created(), place("cmd-2", 2, "19.990"));

        assertThat(step.next()).isNull();
        assertThat(step.event()).isNull();
        assertThat(step.reply().status()).isEqualTo(CommandStatus.DUPLICATE);
    }

    @Test
    void aDifferentBodyUnderAUsedIdIsAConflict() {
        Step step = OrderLifecycle.place(created(), place("cmd-2", 3, "19.99"));

        assertThat(step.next()).isNull();
        assertThat(step.reply().status()).isEqualTo(CommandStatus.CONFLICT);
    }

    @Test
    void theSameCommandRedeliveredAnswersAsTheFirstTime() {
        Step step = OrderLifecycle.place(created(), place("cmd-1", 2, "19.99"));

        assertThat(step.next()).isNull();
        assertThat(step.reply().status()).isEqualTo(CommandStatus.APPLIED);
    }

    @Test
    void bothChecksPassedValidatesTheOrderOnceWhateverTheOrderOrRepeats() {
        OrderRecord afterPayment = OrderLifecycle.check(created(), OrderCheckCompleted.passed("o-1", CheckType.PAYMENT, T1), T1).next();
        Step repeat = OrderLifecycle.check(afterPayment, OrderCheckCompleted.passed("o-1", CheckType.PAYMENT, T1), T1);
        assertThat(repeat.event()).as("a repeated verdict does not validate").isNull();

        Step stock = OrderLifecycle.check(afterPayment, OrderCheckCompleted.passed("o-1", CheckType.STOCK, T1), T1);

        assertThat(stock.next().order().state()).isEqualTo(OrderState.VALIDATED);
        assertThat(stock.next().order().updatedAt()).isEqualTo(T1);
        assertThat(stock.event().previousState()).isEqualTo(OrderState.CREATED);
    }

    @Test
    void aFailedCheckRejectsAndALaterFailureAddsItsReason() {
        Rejection shortStock = new Rejection(CheckType.STOCK, RejectionReason.INSUFFICIENT_STOCK, "p-1: wanted 2, available 1");
        Rejection noFunds = new Rejection(CheckType.PAYMENT, RejectionReason.INSUFFICIENT_FUNDS, "wanted 39.98, available 0.00");

        Step rejected = OrderLifecycle.check(created(), OrderCheckCompleted.failed("o-1", CheckType.STOCK, List.of(shortStock), T1), T1);
        assertThat(rejected.next().order().state()).isEqualTo(OrderState.REJECTED);
        assertThat(rejected.event()).isNotNull();

        Step more = OrderLifecycle.check(rejected.next(), OrderCheckCompleted.failed("o-1", CheckType.PAYMENT, List.of(noFunds), T1.plusSeconds(1)), T1.plusSeconds(1));
        assertThat(more.next().order().rejections()).containsExactly(shortStock, noFunds);
        assertThat(more.next().order().updatedAt()).as("still rejected since the first verdict").isEqualTo(T1);
        assertThat(more.event()).as("no second REJECTED event").isNull();
    }

    @Test
    void aPassAfterRejectionDoesNotValidate() {
        Rejection shortStock = new Rejection(CheckType.STOCK, RejectionReason.INSUFFICIENT_STOCK, "short");
        OrderRecord rejected = OrderLifecycle.check(created(), OrderCheckCompleted.failed("o-1", CheckType.STOCK, List.of(shortStock), T1), T1).next();

        Step step = OrderLifecycle.check(rejected, OrderCheckCompleted.passed("o-1", CheckType.PAYMENT, T1), T1);

        assertThat(step.event()).isNull();
        assertThat(step.next().order().state()).isEqualTo(OrderState.REJECTED);
    }

    @Test
    void cancelWorksFromOpenStatesOnlyAndNamesTheFinalState() {
        CancelOrder cancel = new CancelOrder("cmd-9", "o-1", T1);
        Step cancelled = OrderLifecycle.cancel(created(), cancel, T1);
        assertThat(cancelled.next().order().state()).isEqualTo(OrderState.CANCELLED);
        assertThat(cancelled.reply().status()).isEqualTo(CommandStatus.APPLIED);

        Step again = OrderLifecycle.cancel(cancelled.next(), new CancelOrder("cmd-10", "o-1", T1), T1);
        assertThat(again.reply().status()).isEqualTo(CommandStatus.CONFLICT);
        assertThat(again.reply().detail()).contains("CANCELLED");

        assertThat(OrderLifecycle.cancel(null, cancel, T1).reply().status()).isEqualTo(CommandStatus.NOT_FOUND);
    }

    @Test
    void aShipmentShipsOnlyAValidatedOrder() {
        ShipmentCreated shipment = new ShipmentCreated("s-1", "o-1", "c-1", created().order().items(), T1);
        assertThat(OrderLifecycle.shipped(created(), shipment, T1).event()).as("CREATED does not ship").isNull();

        OrderRecord validated = OrderLifecycle.check(
                OrderLifecycle.check(created(), OrderCheckCompleted.passed("o-1", CheckType.STOCK, T1), T1).next(),
                OrderCheckCompleted.passed("o-1", CheckType.PAYMENT, T1), T1).next();
        Step shipped = OrderLifecycle.shipped(validated, shipment, T1.plusSeconds(2));
        assertThat(shipped.next().order().state()).isEqualTo(OrderState.SHIPPED);
        assertThat(shipped.next().order().shipmentId()).isEqualTo("s-1");

        OrderRecord cancelled = OrderLifecycle.cancel(validated, new CancelOrder("c", "o-1", T1), T1).next();
        assertThat(OrderLifecycle.shipped(cancelled, shipment, T1).event()).as("a cancel that won the race stays").isNull();
    }

    @Test
    void updatedAtNeverPrecedesCreatedAt() {
        Step step = OrderLifecycle.cancel(created(), new CancelOrder("c", "o-1", T0.minusSeconds(5)), T0.minusSeconds(5));
        assertThat(step.next().order().updatedAt()).isEqualTo(step.next().order().createdAt());
    }
}
