package io.orderflow.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CustomerActivityTest {

    private static final Instant NOON = Instant.parse("2026-11-25T12:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void theWindowIncludesItsEndAndExcludesItsStart() {
        CustomerActivity activity = CustomerActivity.empty()
                .with(order("at-start", NOON.minus(HOUR), "1.00"))
                .with(order("just-after-start", NOON.minus(HOUR).plusMillis(1), "2.00"))
                .with(order("at-end", NOON, "4.00"))
                .with(order("after-end", NOON.plusMillis(1), "8.00"));

        assertThat(activity.totalCreatedIn(NOON, HOUR)).isEqualTo("6.00");
    }

    @Test
    void anOrderRecordedTwiceCountsOnce() {
        CustomerActivity activity = CustomerActivity.empty()
                .with(order("o-1", NOON, "10.00"))
                .with(order("o-1", NOON, "10.00"));

        assertThat(activity.orders()).hasSize(1);
        assertThat(activity.totalCreatedIn(NOON, HOUR)).isEqualTo("10.00");
    }

    @Test
    void pruningKeepsOnlyTheLastHourBeforeTheNewestCreation() {
        CustomerActivity activity = CustomerActivity.empty()
                .with(order("old", NOON.minus(HOUR), "1.00"))
                .with(order("recent", NOON.minus(HOUR).plusSeconds(1), "2.00"))
                .with(order("newest", NOON, "3.00"))
                .prunedTo(HOUR);

        assertThat(activity.orders()).extracting(RecentOrder::orderId).containsExactly("recent", "newest");
    }

    @Test
    void ordersAreKeptOldestFirstWhateverTheOrderTheyArrivedIn() {
        CustomerActivity activity = CustomerActivity.empty()
                .with(order("b", NOON, "1.00"))
                .with(order("a", NOON.minusSeconds(5), "1.00"));

        assertThat(activity.orders()).extracting(RecentOrder::orderId).containsExactly("a", "b");
    }

    private static RecentOrder order(String id, Instant createdAt, String total) {
        return new RecentOrder(id, createdAt, new BigDecimal(total), null);
    }
}
