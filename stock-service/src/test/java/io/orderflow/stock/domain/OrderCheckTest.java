package io.orderflow.stock.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.order.CheckType;
import io.orderflow.events.order.OrderCheckCompleted;
import io.orderflow.events.order.Rejection;
import io.orderflow.events.order.RejectionReason;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderCheckTest {

    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

    private static LineResult ok(String productId) {
        return LineResult.reserved(new LineRequest(LineRequest.Kind.RESERVE, "o-1", productId, 1, 3));
    }

    private static LineResult short_(String productId) {
        return LineResult.failed(new LineRequest(LineRequest.Kind.RESERVE, "o-1", productId, 1, 3),
                RejectionReason.INSUFFICIENT_STOCK, productId + ": wanted 1, available 0");
    }

    @Test
    void theCheckIsCompleteOnlyWhenEveryLineHasAnswered() {
        OrderCheck check = OrderCheck.begin("o-1", 3).with(ok("p-1")).with(ok("p-2"));
        assertThat(check.hasEveryLine()).isFalse();

        assertThat(check.with(ok("p-3")).hasEveryLine()).isTrue();
    }

    @Test
    void aRedeliveredAnswerCountsOnce() {
        OrderCheck check = OrderCheck.begin("o-1", 3).with(ok("p-1")).with(ok("p-1")).with(ok("p-2"));

        assertThat(check.hasEveryLine()).isFalse();
        assertThat(check.lines()).hasSize(2);
    }

    @Test
    void theFirstAnswerForALineStands() {
        OrderCheck check = OrderCheck.begin("o-1", 1).with(short_("p-1")).with(ok("p-1"));

        assertThat(check.verdict(AT).passed()).isFalse();
    }

    @Test
    void everyLineReservedPassesTheStockCheck() {
        OrderCheckCompleted verdict = OrderCheck.begin("o-1", 3).with(ok("p-1")).with(ok("p-2")).with(ok("p-3")).verdict(AT);

        assertThat(verdict).isEqualTo(OrderCheckCompleted.passed("o-1", CheckType.STOCK, AT));
    }

    @Test
    void aFailedCheckListsOneRejectionPerFailedLine() {
        OrderCheckCompleted verdict = OrderCheck.begin("o-1", 3)
                .with(short_("p-3")).with(ok("p-2")).with(short_("p-1")).verdict(AT);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.check()).isEqualTo(CheckType.STOCK);
        assertThat(verdict.rejections()).containsExactly(
                new Rejection(CheckType.STOCK, RejectionReason.INSUFFICIENT_STOCK, "p-1: wanted 1, available 0"),
                new Rejection(CheckType.STOCK, RejectionReason.INSUFFICIENT_STOCK, "p-3: wanted 1, available 0"));
    }
}
