package io.orderflow.stock.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.events.command.CommandStatus;
import io.orderflow.events.order.CheckType;
import io.orderflow.events.order.OrderCheckCompleted;
import io.orderflow.events.order.Rejection;
import io.orderflow.events.order.RejectionReason;
import io.orderflow.events.serde.StateSerde;
import io.orderflow.events.stock.DeductStock;
import io.orderflow.events.stock.ReleaseStock;
import io.orderflow.events.stock.ReserveStock;
import io.orderflow.events.stock.SetStock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StockLedgerTest {

    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");
    private static final StateSerde<StockLevel> SERDE = StateSerde.of(StockLevel.class);

    private static StockChange reserve(StockLevel current, String orderId, int quantity) {
        return StockLedger.reserve(current, new ReserveStock(orderId, "p-1", quantity), AT);
    }

    private static StockChange release(StockLevel current, String orderId, int quantity) {
        return StockLedger.release(current, new ReleaseStock(orderId, "p-1", quantity));
    }

    private static StockChange deduct(StockLevel current, String orderId, int quantity) {
        return StockLedger.deduct(current, new DeductStock(orderId, "p-1", quantity));
    }

    private static SetStock set(String productId, long quantity) {
        return new SetStock("cmd-" + productId + "-" + quantity, productId, quantity);
    }

    private static Rejection stock(RejectionReason reason, String detail) {
        return new Rejection(CheckType.STOCK, reason, detail);
    }

    // --- reserve

    @Test
    void reserveTakesTheUnitsWhenEnoughAreAvailableAndPassesTheProduct() {
        StockChange change = reserve(StockLevel.of("p-1", 10), "o-1", 3);

        assertThat(change.verdict()).isEqualTo(OrderCheckCompleted.stock("o-1", "p-1", null, AT));
        assertThat(change.next()).isEqualTo(new StockLevel("p-1", 10, 3));
        assertThat(change.next().available()).isEqualTo(7);
        assertThat(change.reply()).isNull();
    }

    @Test
    void reservationsOfSeveralOrdersAddUp() {
        StockLevel level = reserve(reserve(StockLevel.of("p-1", 10), "o-1", 3).next(), "o-2", 4).next();

        assertThat(level).isEqualTo(new StockLevel("p-1", 10, 7));
    }

    @Test
    void reserveOfExactlyWhatIsAvailableSucceeds() {
        StockChange change = reserve(new StockLevel("p-1", 5, 3), "o-1", 2);

        assertThat(change.verdict().passed()).isTrue();
        assertThat(change.next().available()).isZero();
    }

    @Test
    void reserveOfOneMoreThanIsAvailableFailsAndTakesNothing() {
        StockChange change = reserve(new StockLevel("p-1", 3, 2), "o-1", 2);

        assertThat(change.next()).as("nothing stored").isNull();
        assertThat(change.verdict()).isEqualTo(OrderCheckCompleted.stock("o-1", "p-1",
                stock(RejectionReason.INSUFFICIENT_STOCK, "p-1: wanted 2, available 1"), AT));
    }

    @Test
    void reserveOfAProductWithNothingAvailableFails() {
        assertThat(reserve(StockLevel.of("p-1", 0), "o-1", 1).verdict().rejections())
                .containsExactly(stock(RejectionReason.INSUFFICIENT_STOCK, "p-1: wanted 1, available 0"));
        assertThat(reserve(new StockLevel("p-1", 4, 4), "o-1", 1).verdict().rejections())
                .containsExactly(stock(RejectionReason.INSUFFICIENT_STOCK, "p-1: wanted 1, available 0"));
    }

    @Test
    void reserveOfAnUnknownProductFails() {
        StockChange change = StockLedger.reserve(null, new ReserveStock("o-1", "p-9", 1), AT);

        assertThat(change.next()).isNull();
        assertThat(change.verdict()).isEqualTo(OrderCheckCompleted.stock("o-1", "p-9",
                stock(RejectionReason.UNKNOWN_PRODUCT, "p-9: unknown product"), AT));
    }

    // --- release

    @Test
    void releaseGivesTheUnitsBackAndLeavesTheShelfAlone() {
        StockChange change = release(new StockLevel("p-1", 10, 5), "o-1", 2);

        assertThat(change.next()).isEqualTo(new StockLevel("p-1", 10, 3));
        assertThat(change.verdict()).as("a release is not answered").isNull();
        assertThat(change.reply()).isNull();
    }

    @Test
    void releaseOfEverythingReservedLeavesNothingReserved() {
        assertThat(release(new StockLevel("p-1", 10, 5), "o-1", 5).next()).isEqualTo(new StockLevel("p-1", 10, 0));
    }

    @Test
    void releaseOfMoreThanIsReservedIsAnInvariantViolation() {
        StockLevel level = new StockLevel("p-1", 10, 2);

        assertThatThrownBy(() -> release(level, "o-1", 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("p-1: cannot release 3 units for order o-1: only 2 reserved");
        assertThatThrownBy(() -> release(StockLevel.of("p-1", 10), "o-1", 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("p-1: cannot release 1 units for order o-1: only 0 reserved");
    }

    @Test
    void releaseOfAnUnknownProductIsAnInvariantViolation() {
        assertThatThrownBy(() -> release(null, "o-1", 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("p-1: cannot release 1 units for order o-1: unknown product");
    }

    // --- deduct

    @Test
    void deductTakesTheUnitsOffTheShelfAndOffTheReservedOnes() {
        StockLevel level = new StockLevel("p-1", 10, 4);

        StockChange change = deduct(level, "o-1", 3);

        assertThat(change.next()).isEqualTo(new StockLevel("p-1", 7, 1));
        assertThat(change.next().available()).as("shipping does not change what others can take")
                .isEqualTo(level.available());
        assertThat(change.verdict()).isNull();
        assertThat(change.reply()).isNull();
    }

    @Test
    void deductOfEverythingOnHandEmptiesTheShelf() {
        assertThat(deduct(new StockLevel("p-1", 3, 3), "o-1", 3).next()).isEqualTo(new StockLevel("p-1", 0, 0));
    }

    @Test
    void deductOfMoreThanIsReservedIsAnInvariantViolation() {
        assertThatThrownBy(() -> deduct(new StockLevel("p-1", 10, 2), "o-1", 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("p-1: cannot deduct 3 units for order o-1: only 2 reserved");
        assertThatThrownBy(() -> deduct(null, "o-1", 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("p-1: cannot deduct 1 units for order o-1: unknown product");
    }

    // --- set stock

    @Test
    void setStockCreatesAnUnknownProduct() {
        StockChange change = StockLedger.setStock(null, set("p-1", 100));

        assertThat(change.next()).isEqualTo(StockLevel.of("p-1", 100));
        assertThat(change.reply().status()).isEqualTo(CommandStatus.APPLIED);
        assertThat(change.reply().entityId()).isEqualTo("p-1");
        assertThat(change.verdict()).isNull();
    }

    @Test
    void setStockToZeroWithNothingReservedIsApplied() {
        assertThat(StockLedger.setStock(StockLevel.of("p-1", 5), set("p-1", 0)).next()).isEqualTo(StockLevel.of("p-1", 0));
    }

    @Test
    void setStockKeepsTheReservedUnits() {
        StockChange change = StockLedger.setStock(new StockLevel("p-1", 10, 4), set("p-1", 4));

        assertThat(change.reply().status()).isEqualTo(CommandStatus.APPLIED);
        assertThat(change.next()).isEqualTo(new StockLevel("p-1", 4, 4));
        assertThat(change.next().available()).isZero();
    }

    @Test
    void setStockBelowTheReservedUnitsIsAConflictAndChangesNothing() {
        StockChange change = StockLedger.setStock(new StockLevel("p-1", 10, 5), set("p-1", 4));

        assertThat(change.next()).isNull();
        assertThat(change.reply().status()).isEqualTo(CommandStatus.CONFLICT);
        assertThat(change.reply().detail()).isEqualTo("p-1: 5 units are reserved");
    }

    /**
     * Whatever mix of reservations, stock changes and (as orders-service sends them) releases and deductions
     * of what was reserved arrives, no product ever promises more than it has, and the reserved total is
     * exactly what the open orders hold.
     */
    @Test
    void availableNeverGoesBelowZeroUnderAnyMixOfInputs() {
        Random random = new Random(42);
        StockLevel level = StockLevel.of("p-1", 5);
        Map<String, Integer> held = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            String orderId = "o-" + i;
            List<String> holders = List.copyOf(held.keySet());
            String holder = holders.isEmpty() ? null : holders.get(random.nextInt(holders.size()));
            int kind = random.nextInt(4);
            StockChange change;
            if (kind == 0 || (kind < 3 && holder == null)) {
                change = reserve(level, orderId, 1 + random.nextInt(4));
                if (change.verdict().passed()) {
                    held.put(orderId, (int) (change.next().reserved() - level.reserved()));
                }
            } else if (kind == 1) {
                change = release(level, holder, held.remove(holder));
            } else if (kind == 2) {
                change = deduct(level, holder, held.remove(holder));
            } else {
                change = StockLedger.setStock(level, set("p-1", random.nextInt(12)));
            }
            if (change.next() != null) {
                level = change.next();
            }
            assertThat(level.available()).isNotNegative();
            assertThat(level.reserved()).isEqualTo(held.values().stream().mapToLong(Integer::longValue).sum());
        }
    }

    // --- the stored value

    @Test
    void aLevelHoldsNoMoreReservedThanOnHandAndNothingNegative() {
        assertThatThrownBy(() -> new StockLevel("p-1", 2, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("p-1: reserved must be 0..2 but was 3");
        assertThatThrownBy(() -> new StockLevel("p-1", 2, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StockLevel("p-1", -1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("p-1: onHand must not be negative but was -1");
        assertThat(new StockLevel("p-1", 0, 0).available()).isZero();
    }

    @Test
    void aLevelIsStoredAsItsTwoTotalsOnly() {
        StockLevel level = new StockLevel("p-1", 100, 5);

        byte[] stored = SERDE.serialize("t", level);

        assertThat(new String(stored, StandardCharsets.UTF_8)).isEqualTo("{\"productId\":\"p-1\",\"onHand\":100,\"reserved\":5}");
        assertThat(SERDE.deserialize("t", stored)).isEqualTo(level);
    }

    /** An upgraded instance reads the values the per-order layout wrote, and keeps every open reservation. */
    @Test
    void aLevelStoredWithEveryOrdersReservationReadsAsTheirTotal() {
        String old = "{\"productId\":\"p-1\",\"onHand\":100,\"reservations\":{\"o-1\":2,\"o-2\":3}}";

        StockLevel level = SERDE.deserialize("t", old.getBytes(StandardCharsets.UTF_8));

        assertThat(level).isEqualTo(new StockLevel("p-1", 100, 5));
        assertThat(level.available()).isEqualTo(95);
        assertThat(new String(SERDE.serialize("t", release(level, "o-1", 2).next()), StandardCharsets.UTF_8))
                .as("written back in the new layout").isEqualTo("{\"productId\":\"p-1\",\"onHand\":100,\"reserved\":3}");
    }

    @Test
    void aLevelStoredWithNoOpenReservationsReadsAsNothingReserved() {
        String old = "{\"productId\":\"p-1\",\"onHand\":7,\"reservations\":{}}";

        assertThat(SERDE.deserialize("t", old.getBytes(StandardCharsets.UTF_8))).isEqualTo(StockLevel.of("p-1", 7));
    }
}
