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
import io.orderflow.events.payment.CapturePayment;
import io.orderflow.events.payment.HoldPayment;
import io.orderflow.events.payment.ReleasePayment;
import io.orderflow.events.shipment.ShipmentCreated;
import io.orderflow.events.stock.DeductStock;
import io.orderflow.events.stock.ReleaseStock;
import io.orderflow.events.stock.ReserveStock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OrderLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00.123456Z");
    private static final Instant T1 = Instant.parse("2026-11-25T10:00:01Z");
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final Rejection SHORT_P2 = new Rejection(CheckType.STOCK, RejectionReason.INSUFFICIENT_STOCK,
            "p-2: wanted 1, available 0");
    private static final Rejection NO_FUNDS = new Rejection(CheckType.PAYMENT, RejectionReason.INSUFFICIENT_FUNDS,
            "wanted 44.98, available 0.00");

    /** Two products: 2 x p-1 at 19.99 and 1 x p-2 at 5.00, total 44.98. */
    private static PlaceOrder place(String commandId, int quantity, String price) {
        return new PlaceOrder(commandId, "o-1", "c-1", List.of(new OrderLine("p-1", quantity, new BigDecimal(price)),
                new OrderLine("p-2", 1, new BigDecimal("5.00"))), T0);
    }

    private static OrderRecord created() {
        return OrderLifecycle.place(null, place("cmd-1", 2, "19.99")).next();
    }

    private static OrderCheckCompleted reserved(String productId) {
        return OrderCheckCompleted.stock("o-1", productId, null, T1);
    }

    private static OrderCheckCompleted held() {
        return OrderCheckCompleted.payment("o-1", null, T1);
    }

    private static OrderRecord after(OrderRecord record, OrderCheckCompleted... verdicts) {
        OrderRecord current = record;
        for (OrderCheckCompleted verdict : verdicts) {
            Step step = OrderLifecycle.check(current, verdict, T1);
            current = step.next() == null ? current : step.next();
        }
        return current;
    }

    private static OrderRecord validated() {
        return after(created(), reserved("p-1"), held(), reserved("p-2"));
    }

    @Test
    void placingANewOrderCreatesItAndAsksStockPerProductAndPaymentForTheTotal() {
        Step step = OrderLifecycle.place(null, place("cmd-1", 2, "19.99"));

        assertThat(step.next().order().state()).isEqualTo(OrderState.CREATED);
        assertThat(step.next().order().total()).isEqualByComparingTo("44.98");
        assertThat(step.next().order().createdAt()).isEqualTo(Instant.parse("2026-11-25T10:00:00.123Z"));
        assertThat(step.next().order().updatedAt()).isEqualTo(step.next().order().createdAt());
        assertThat(step.event().previousState()).isNull();
        assertThat(step.reply().status()).isEqualTo(CommandStatus.APPLIED);
        assertThat(step.stock()).containsExactly(new ReserveStock("o-1", "p-1", 2), new ReserveStock("o-1", "p-2", 1));
        assertThat(step.payment()).isEqualTo(new HoldPayment("o-1", "c-1", new BigDecimal("44.98"),
                Instant.parse("2026-11-25T10:00:00.123Z"), 2, 3));
    }

    @Test
    void linesOfOneProductAreReservedTogether() {
        PlaceOrder twice = new PlaceOrder("cmd-1", "o-1", "c-1", List.of(new OrderLine("p-1", 2, BigDecimal.ONE),
                new OrderLine("p-1", 3, BigDecimal.ONE)), T0);

        assertThat(OrderLifecycle.place(null, twice).stock()).containsExactly(new ReserveStock("o-1", "p-1", 5));
    }

    @Test
    void theSameBodyAgainIsADuplicateComparedNumerically() {
        Step step = OrderLifecycle.place(created(), place("cmd-2", 2, "19.990"));

        assertThat(step.next()).isNull();
        assertThat(step.event()).isNull();
        assertThat(step.stock()).isEmpty();
        assertThat(step.payment()).isNull();
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
        assertThat(step.stock()).isEmpty();
        assertThat(step.reply().status()).isEqualTo(CommandStatus.APPLIED);
    }

    @Test
    void everyProductReservedAndTheTotalHeldValidatesOnceWhateverTheOrderOrRepeats() {
        OrderRecord partly = after(created(), held(), reserved("p-1"));
        assertThat(partly.order().state()).isEqualTo(OrderState.CREATED);
        assertThat(partly.reserved()).containsExactly("p-1");
        assertThat(OrderLifecycle.check(partly, reserved("p-1"), T1).next()).as("a repeated verdict changes nothing").isNull();

        Step last = OrderLifecycle.check(partly, reserved("p-2"), T1);

        assertThat(last.next().order().state()).isEqualTo(OrderState.VALIDATED);
        assertThat(last.next().order().updatedAt()).isEqualTo(T1);
        assertThat(last.event().previousState()).isEqualTo(OrderState.CREATED);
        assertThat(last.stock()).isEmpty();
        assertThat(last.payment()).isNull();
    }

    @Test
    void aVersion1StockVerdictCountsForEveryProduct() {
        OrderCheckCompleted wholeOrder = new OrderCheckCompleted("o-1", CheckType.STOCK, true, List.of(), T1, null);

        assertThat(after(created(), held(), wholeOrder).order().state()).isEqualTo(OrderState.VALIDATED);
    }

    @Test
    void aFailedCheckRejectsAndGivesBackWhatWasTaken() {
        Step rejected = OrderLifecycle.check(after(created(), reserved("p-1"), held()),
                OrderCheckCompleted.stock("o-1", "p-2", SHORT_P2, T1), T1);

        assertThat(rejected.next().order().state()).isEqualTo(OrderState.REJECTED);
        assertThat(rejected.next().order().rejections()).containsExactly(SHORT_P2);
        assertThat(rejected.stock()).containsExactly(new ReleaseStock("o-1", "p-1", 2));
        assertThat(rejected.payment()).isEqualTo(new ReleasePayment("o-1", "c-1", new BigDecimal("44.98")));
        assertThat(rejected.next().reserved()).isEmpty();
        assertThat(rejected.next().held()).isFalse();
    }

    @Test
    void aConfirmationAfterTheRejectionIsGivenStraightBack() {
        OrderRecord rejected = OrderLifecycle.check(created(), OrderCheckCompleted.payment("o-1", NO_FUNDS, T1), T1).next();

        Step lateStock = OrderLifecycle.check(rejected, reserved("p-1"), T1);

        assertThat(lateStock.event()).isNull();
        assertThat(lateStock.stock()).containsExactly(new ReleaseStock("o-1", "p-1", 2));
        assertThat(lateStock.payment()).isNull();
        assertThat(OrderLifecycle.check(rejected, reserved("p-1"), T1).next()).as("nothing stored").isNull();
    }

    @Test
    void aLaterFailureAddsItsReasonWithoutASecondEvent() {
        OrderRecord rejected = OrderLifecycle.check(created(), OrderCheckCompleted.stock("o-1", "p-2", SHORT_P2, T1), T1).next();

        Step more = OrderLifecycle.check(rejected, OrderCheckCompleted.payment("o-1", NO_FUNDS, T1.plusSeconds(1)),
                T1.plusSeconds(1));

        assertThat(more.next().order().rejections()).containsExactly(SHORT_P2, NO_FUNDS);
        assertThat(more.next().order().updatedAt()).as("still rejected since the first verdict").isEqualTo(T1);
        assertThat(more.event()).as("no second REJECTED event").isNull();
        assertThat(more.stock()).isEmpty();
        assertThat(more.payment()).isNull();
    }

    @Test
    void cancelWorksFromOpenStatesOnlyGivesEverythingBackAndNamesTheFinalState() {
        CancelOrder cancel = new CancelOrder("cmd-9", "o-1", T1);
        Step cancelled = OrderLifecycle.cancel(validated(), cancel, T1);
        assertThat(cancelled.next().order().state()).isEqualTo(OrderState.CANCELLED);
        assertThat(cancelled.reply().status()).isEqualTo(CommandStatus.APPLIED);
        assertThat(cancelled.stock()).containsExactly(new ReleaseStock("o-1", "p-1", 2), new ReleaseStock("o-1", "p-2", 1));
        assertThat(cancelled.payment()).isEqualTo(new ReleasePayment("o-1", "c-1", new BigDecimal("44.98")));

        Step again = OrderLifecycle.cancel(cancelled.next(), new CancelOrder("cmd-10", "o-1", T1), T1);
        assertThat(again.reply().status()).isEqualTo(CommandStatus.CONFLICT);
        assertThat(again.reply().detail()).contains("CANCELLED");
        assertThat(again.stock()).isEmpty();

        assertThat(OrderLifecycle.cancel(null, cancel, T1).reply().status()).isEqualTo(CommandStatus.NOT_FOUND);
    }

    @Test
    void cancellingACreatedOrderGivesBackOnlyWhatWasConfirmed() {
        Step cancelled = OrderLifecycle.cancel(after(created(), reserved("p-2")), new CancelOrder("c", "o-1", T1), T1);

        assertThat(cancelled.stock()).containsExactly(new ReleaseStock("o-1", "p-2", 1));
        assertThat(cancelled.payment()).isNull();
    }

    @Test
    void aShipmentShipsOnlyAValidatedOrderAndTakesWhatWasReserved() {
        ShipmentCreated shipment = new ShipmentCreated("s-1", "o-1", "c-1", created().order().items(), T1);
        assertThat(OrderLifecycle.shipped(created(), shipment, T1).event()).as("CREATED does not ship").isNull();

        Step shipped = OrderLifecycle.shipped(validated(), shipment, T1.plusSeconds(2));
        assertThat(shipped.next().order().state()).isEqualTo(OrderState.SHIPPED);
        assertThat(shipped.next().order().shipmentId()).isEqualTo("s-1");
        assertThat(shipped.stock()).containsExactly(new DeductStock("o-1", "p-1", 2), new DeductStock("o-1", "p-2", 1));
        assertThat(shipped.payment()).isEqualTo(new CapturePayment("o-1", "c-1", new BigDecimal("44.98")));
        assertThat(OrderLifecycle.shipped(shipped.next(), shipment, T1).stock()).as("shipped once").isEmpty();

        OrderRecord cancelled = OrderLifecycle.cancel(validated(), new CancelOrder("c", "o-1", T1), T1).next();
        Step late = OrderLifecycle.shipped(cancelled, shipment, T1);
        assertThat(late.event()).as("a cancel that won the race stays").isNull();
        assertThat(late.stock()).isEmpty();
        assertThat(late.payment()).isNull();
    }

    @Test
    void anOrderNotDecidedInTimeIsRejectedByOrdersServiceAndGivesBackWhatWasTaken() {
        Instant late = T0.plus(TIMEOUT);

        Step timedOut = OrderLifecycle.timedOut(after(created(), reserved("p-1"), held()), TIMEOUT, late);

        assertThat(timedOut.next().order().state()).isEqualTo(OrderState.REJECTED);
        assertThat(timedOut.next().order().rejections()).containsExactly(new Rejection(CheckType.ORDERS,
                RejectionReason.TIMED_OUT, "not decided within PT5M: no answer from stock for p-2"));
        assertThat(timedOut.next().order().updatedAt()).isEqualTo(late.truncatedTo(ChronoUnit.MILLIS));
        assertThat(timedOut.event().state()).isEqualTo(OrderState.REJECTED);
        assertThat(timedOut.event().previousState()).isEqualTo(OrderState.CREATED);
        assertThat(timedOut.stock()).containsExactly(new ReleaseStock("o-1", "p-1", 2));
        assertThat(timedOut.payment()).isEqualTo(new ReleasePayment("o-1", "c-1", new BigDecimal("44.98")));
        assertThat(timedOut.next().reserved()).isEmpty();
        assertThat(timedOut.next().held()).isFalse();
        assertThat(timedOut.reply()).as("no command asked for it").isNull();
    }

    @Test
    void aTimeoutSaysWhichChecksNeverAnsweredAndGivesBackNothingWhenNothingWasTaken() {
        Step timedOut = OrderLifecycle.timedOut(created(), TIMEOUT, T1);

        assertThat(timedOut.next().order().rejections()).extracting(Rejection::detail)
                .containsExactly("not decided within PT5M: no answer from stock for p-1, p-2 and payment");
        assertThat(timedOut.stock()).isEmpty();
        assertThat(timedOut.payment()).isNull();

        List<OrderLine> many = IntStream.rangeClosed(1, 5).mapToObj(i -> new OrderLine("p-" + i, 1, BigDecimal.ONE)).toList();
        OrderRecord big = OrderLifecycle.place(null, new PlaceOrder("cmd-1", "o-1", "c-1", many, T0)).next();
        assertThat(OrderLifecycle.timedOut(big, TIMEOUT, T1).next().order().rejections().get(0).detail())
                .as("a few products named, not all of up to 100")
                .isEqualTo("not decided within PT5M: no answer from stock for p-1, p-2, p-3 (+2 more) and payment");
    }

    @Test
    void aTimeoutChangesOnlyACreatedOrder() {
        OrderRecord rejected = OrderLifecycle.check(created(), OrderCheckCompleted.payment("o-1", NO_FUNDS, T1), T1).next();
        OrderRecord cancelled = OrderLifecycle.cancel(validated(), new CancelOrder("c", "o-1", T1), T1).next();

        for (OrderRecord record : Arrays.asList(validated(), rejected, cancelled, null)) {
            Step step = OrderLifecycle.timedOut(record, TIMEOUT, T1);
            assertThat(step.next()).as(String.valueOf(record)).isNull();
            assertThat(step.event()).isNull();
            assertThat(step.stock()).isEmpty();
            assertThat(step.payment()).isNull();
        }
    }

    @Test
    void verdictsAfterATimeoutChangeNothingButGiveBackWhatTheyTook() {
        OrderRecord timedOut = OrderLifecycle.timedOut(after(created(), reserved("p-1")), TIMEOUT, T1).next();

        Step lateStock = OrderLifecycle.check(timedOut, reserved("p-2"), T1);
        Step lateHold = OrderLifecycle.check(timedOut, held(), T1);
        Step lateFailure = OrderLifecycle.check(timedOut, OrderCheckCompleted.stock("o-1", "p-2", SHORT_P2, T1), T1);

        assertThat(lateStock.stock()).containsExactly(new ReleaseStock("o-1", "p-2", 1));
        assertThat(lateHold.payment()).isEqualTo(new ReleasePayment("o-1", "c-1", new BigDecimal("44.98")));
        for (Step late : List.of(lateStock, lateHold, lateFailure)) {
            assertThat(late.next()).as("the order stays as the timeout left it").isNull();
            assertThat(late.event()).isNull();
        }
        assertThat(lateFailure.stock()).isEmpty();
        assertThat(lateFailure.payment()).isNull();
    }

    @Test
    void updatedAtNeverPrecedesCreatedAt() {
        Step step = OrderLifecycle.cancel(created(), new CancelOrder("c", "o-1", T0.minusSeconds(5)), T0.minusSeconds(5));
        assertThat(step.next().order().updatedAt()).isEqualTo(step.next().order().createdAt());
    }

    @Test
    void aRecordOfThePreviousLayoutKeepsWhatItsChecksPassed() {
        OrderRecord read = OrderRecord.read(created().order(), "cmd-1", null, null, Set.of(CheckType.STOCK));

        assertThat(read.reserved()).containsExactlyInAnyOrder("p-1", "p-2");
        assertThat(read.held()).isFalse();
        assertThat(after(read, held()).order().state()).isEqualTo(OrderState.VALIDATED);
    }
}
