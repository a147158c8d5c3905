package io.orderflow.stock.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.command.CommandStatus;
import io.orderflow.events.order.CheckType;
import io.orderflow.events.order.RejectionReason;
import io.orderflow.events.stock.SetStock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StockLedgerTest {

    private static LineRequest reserve(String orderId, String productId, long quantity) {
        return new LineRequest(LineRequest.Kind.RESERVE, orderId, productId, quantity, 1);
    }

    private static SetStock set(String productId, long quantity) {
        return new SetStock("cmd-" + productId + "-" + quantity, productId, quantity);
    }

    @Test
    void reserveTakesTheUnitsWhenEnoughAreAvailable() {
        StockChange change = StockLedger.reserve(StockLevel.of("p-1", 10), reserve("o-1", "p-1", 3));

        assertThat(change.line().ok()).isTrue();
        assertThat(change.line().lineCount()).isEqualTo(1);
        assertThat(change.next().reservations()).isEqualTo(Map.of("o-1", 3L));
        assertThat(change.next().reserved()).isEqualTo(3);
        assertThat(change.next().available()).isEqualTo(7);
        assertThat(change.next().onHand()).isEqualTo(10);
    }

    @Test
    void reserveOfAnUnknownProductFailsTheLine() {
        StockChange change = StockLedger.reserve(null, reserve("o-1", "p-9", 1));

        assertThat(change.next()).isNull();
        assertThat(change.line().ok()).isFalse();
        assertThat(change.line().rejection().service()).isEqualTo(CheckType.STOCK);
        assertThat(change.line().rejection().reason()).isEqualTo(RejectionReason.UNKNOWN_PRODUCT);
        assertThat(change.line().rejection().detail()).isEqualTo("p-9: unknown product");
    }

    @Test
    void reserveOfMoreThanIsAvailableFailsAndTakesNothing() {
        StockLevel level = StockLevel.of("p-1", 3).withReservation("o-0", 2);

        StockChange change = StockLedger.reserve(level, reserve("o-1", "p-1", 2));

        assertThat(change.next()).as("nothing stored").isNull();
        assertThat(change.line().rejection().reason()).isEqualTo(RejectionReason.INSUFFICIENT_STOCK);
        assertThat(change.line().rejection().detail()).isEqualTo("p-1: wanted 2, available 1");
    }

    @Test
    void reserveOfExactlyWhatIsAvailableSucceeds() {
        StockChange change = StockLedger.reserve(StockLevel.of("p-1", 2), reserve("o-1", "p-1", 2));

        assertThat(change.line().ok()).isTrue();
        assertThat(change.next().available()).isZero();
    }

    @Test
    void redeliveredReserveAnswersReservedAgainAndTakesNothingMore() {
        StockLevel level = StockLevel.of("p-1", 2).withReservation("o-1", 2);

        StockChange change = StockLedger.reserve(level, reserve("o-1", "p-1", 2));

        assertThat(change.line().ok()).as("answered as the first time").isTrue();
        assertThat(change.next()).as("nothing more reserved").isNull();
    }

    @Test
    void releaseDropsTheOrdersReservationOnly() {
        StockLevel level = StockLevel.of("p-1", 10).withReservation("o-1", 2).withReservation("o-2", 3);

        StockChange change = StockLedger.release(level, "o-1");

        assertThat(change.next().reservations()).isEqualTo(Map.of("o-2", 3L));
        assertThat(change.next().onHand()).isEqualTo(10);
        assertThat(change.line()).isNull();
    }

    @Test
    void releaseOfAnOrderHoldingNothingChangesNothing() {
        assertThat(StockLedger.release(StockLevel.of("p-1", 10), "o-1").next()).isNull();
        assertThat(StockLedger.release(null, "o-1").next()).isNull();
    }

    @Test
    void deductTakesTheReservedUnitsOffTheShelfOnce() {
        StockLevel level = StockLevel.of("p-1", 10).withReservation("o-1", 3).withReservation("o-2", 1);

        StockLevel shipped = StockLedger.deduct(level, "o-1").next();

        assertThat(shipped.onHand()).isEqualTo(7);
        assertThat(shipped.reservations()).isEqualTo(Map.of("o-2", 1L));
        assertThat(shipped.available()).as("shipping does not change what others can take").isEqualTo(level.available());
        assertThat(StockLedger.deduct(shipped, "o-1").next()).as("a second deduct takes nothing").isNull();
    }

    @Test
    void deductOfAnOrderHoldingNothingChangesNothing() {
        assertThat(StockLedger.deduct(StockLevel.of("p-1", 10), "o-1").next()).isNull();
        assertThat(StockLedger.deduct(null, "o-1").next()).isNull();
    }

    @Test
    void setStockCreatesAnUnknownProduct() {
        StockChange change = StockLedger.setStock(null, set("p-1", 100));

        assertThat(change.next()).isEqualTo(StockLevel.of("p-1", 100));
        assertThat(change.reply().status()).isEqualTo(CommandStatus.APPLIED);
        assertThat(change.reply().entityId()).isEqualTo("p-1");
    }

    @Test
    void setStockKeepsTheReservations() {
        StockLevel level = StockLevel.of("p-1", 10).withReservation("o-1", 4);

        StockChange change = StockLedger.setStock(level, set("p-1", 4));

        assertThat(change.reply().status()).isEqualTo(CommandStatus.APPLIED);
        assertThat(change.next().onHand()).isEqualTo(4);
        assertThat(change.next().reservations()).isEqualTo(Map.of("o-1", 4L));
        assertThat(change.next().available()).isZero();
    }

    @Test
    void setStockBelowTheReservedUnitsIsAConflictAndChangesNothing() {
        StockLevel level = StockLevel.of("p-1", 10).withReservation("o-1", 2).withReservation("o-2", 3);

        StockChange change = StockLedger.setStock(level, set("p-1", 4));

        assertThat(change.next()).isNull();
        assertThat(change.reply().status()).isEqualTo(CommandStatus.CONFLICT);
        assertThat(change.reply().detail()).isEqualTo("p-1: 5 units are reserved");
    }

    /** Whatever mix of requests and stock changes arrives, no product ever promises more than it has. */
    @Test
    void availableNeverGoesBelowZeroUnderAnyMixOfInputs() {
        Random random = new Random(42);
        StockLevel level = StockLevel.of("p-1", 5);
        List<Long> seen = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String orderId = "o-" + random.nextInt(20);
            StockChange change = switch (random.nextInt(4)) {
                case 0 -> StockLedger.reserve(level, reserve(orderId, "p-1", 1 + random.nextInt(4)));
                case 1 -> StockLedger.release(level, orderId);
                case 2 -> StockLedger.deduct(level, orderId);
                default -> StockLedger.setStock(level, set("p-1", random.nextInt(12)));
            };
            if (change.next() != null) {
                level = change.next();
            }
            seen.add(level.available());
            assertThat(level.onHand()).isGreaterThanOrEqualTo(level.reserved());
        }
        assertThat(seen).allSatisfy(available -> assertThat(available).isNotNegative());
    }
}
