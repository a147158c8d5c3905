package io.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.order.OrderLine;
import io.orderflow.events.order.OrderState;
import io.orderflow.events.order.RejectionReason;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutcomeCheckTest {

    private final Workload workload = new Workload(20, 20, 1);
    private final List<TrackedOrder> orders = new ArrayList<>();
    private int next;

    @Test
    void aShippedNormalOrderPassesAndIsTakenFromStockAndBalance() {
        shipped(order(Workload.Kind.NORMAL, "c-1", line("p-1", 3, "2.50")));

        OutcomeCheck check = OutcomeCheck.of(orders, workload);

        assertThat(check.failures()).isEmpty();
        assertThat(check.expectedStock()).containsEntry("p-1", Workload.PLENTIFUL_STOCK - 3);
        assertThat(check.expectedBalances().get("c-1")).isEqualByComparingTo(Workload.RICH_BALANCE.subtract(new BigDecimal("7.50")));
        assertThat(check.outcomes()).containsEntry("SHIPPED", 1L);
    }

    @Test
    void aNormalOrderThatIsRejectedFails() {
        rejected(order(Workload.Kind.NORMAL, "c-1", line("p-1", 1, "1.00")), RejectionReason.INSUFFICIENT_STOCK);

        assertThat(OutcomeCheck.of(orders, workload).failures()).singleElement().asString()
                .contains("NORMAL order REJECTED");
    }

    @Test
    void aRejectionMustGiveTheOneExpectedReason() {
        rejected(order(Workload.Kind.UNKNOWN_PRODUCT, "c-1", line("px-1", 1, "1.00")), RejectionReason.UNKNOWN_PRODUCT);
        rejected(order(Workload.Kind.FRAUD, "cf-1", line("p-1", 1, "1.00")), RejectionReason.FRAUD_SUSPECTED,
                RejectionReason.INSUFFICIENT_FUNDS);

        assertThat(OutcomeCheck.of(orders, workload).failures()).singleElement().asString()
                .contains("expected only FRAUD_SUSPECTED");
    }

    @Test
    void exactlyTheStockOfAScarceProductShips() {
        for (int i = 0; i < Workload.SCARCE_STOCK; i++) {
            shipped(order(Workload.Kind.SCARCE_PRODUCT, "c-1", line("ps-1", 1, "1.00")));
        }
        rejected(order(Workload.Kind.SCARCE_PRODUCT, "c-1", line("ps-1", 1, "1.00")), RejectionReason.INSUFFICIENT_STOCK);
        assertThat(OutcomeCheck.of(orders, workload).failures()).isEmpty();

        // One more rejected while a unit was left: the suite refused stock it had.
        orders.remove(0);
        assertThat(OutcomeCheck.of(orders, workload).failures()).singleElement().asString()
                .contains("ps-1: 24 of 25 one-unit orders shipped, expected 25");
    }

    @Test
    void aPoorCustomerGetsExactlyTheOrdersTheBalanceCovers() {
        for (int i = 0; i < Workload.POOR_ORDERS_FUNDED + 1; i++) {
            shipped(order(Workload.Kind.POOR_CUSTOMER, "cp-1", line("p-2", 1, "10.00")));
        }

        assertThat(OutcomeCheck.of(orders, workload).failures()).singleElement().asString()
                .contains("cp-1: 6 of 6 orders").contains("expected 5");
    }

    @Test
    void anOrderThatIsNotFinalOrSkipsOrRepeatsAStateFails() {
        TrackedOrder stuck = order(Workload.Kind.NORMAL, "c-1", line("p-1", 1, "1.00"));
        stuck.answered(201, 0, 1);
        stuck.reached(OrderState.CREATED, 10, 10, Set.of());
        TrackedOrder twice = order(Workload.Kind.NORMAL, "c-2", line("p-1", 1, "1.00"));
        twice.answered(201, 0, 1);
        for (OrderState state : List.of(OrderState.CREATED, OrderState.VALIDATED, OrderState.VALIDATED, OrderState.SHIPPED)) {
            twice.reached(state, 10, 10, Set.of());
        }
        TrackedOrder lost = order(Workload.Kind.NORMAL, "c-3", line("p-1", 1, "1.00"));
        lost.answered(201, 0, 1);

        OutcomeCheck check = OutcomeCheck.of(orders, workload);

        assertThat(check.failureCount()).isEqualTo(3);
        assertThat(String.join("\n", check.failures())).contains("not final after the drain")
                .contains("each state once").contains("accepted but never published");
    }

    @Test
    void aRetryAnsweredWithTheOrderAlreadyPlacedCountsAsAcceptedAndAFirst200DoesNot() {
        TrackedOrder retried = order(Workload.Kind.NORMAL, "c-1", line("p-1", 1, "1.00"));
        retried.answered(200, 1, 1);
        TrackedOrder notRetried = order(Workload.Kind.NORMAL, "c-2", line("p-1", 1, "1.00"));
        notRetried.answered(200, 0, 1);

        assertThat(retried.accepted()).isTrue();
        assertThat(notRetried.accepted()).isFalse();
        assertThat(OutcomeCheck.of(orders, workload).failures()).singleElement().asString()
                .contains("accepted but never published");
    }

    @Test
    void aPostThatFailedWithoutCreatingTheOrderIsNotAnOutcomeFailure() {
        order(Workload.Kind.NORMAL, "c-1", line("p-1", 1, "1.00")).answered(503, 0, 1);

        OutcomeCheck check = OutcomeCheck.of(orders, workload);

        assertThat(check.failures()).isEmpty();
        assertThat(check.outcomes()).containsEntry("NEVER CREATED", 1L);
    }

    private TrackedOrder order(Workload.Kind kind, String customer, OrderLine line) {
        TrackedOrder order = new TrackedOrder(new Workload.OrderSpec("o-" + ++next, kind, customer, List.of(line)),
                "max", 0, false);
        orders.add(order);
        return order;
    }

    private static OrderLine line(String product, int quantity, String price) {
        return new OrderLine(product, quantity, new BigDecimal(price));
    }

    private static void shipped(TrackedOrder order) {
        order.answered(201, 0, 1);
        order.reached(OrderState.CREATED, 10, 10, Set.of());
        order.reached(OrderState.VALIDATED, 20, 20, Set.of());
        order.reached(OrderState.SHIPPED, 30, 30, Set.of());
    }

    private static void rejected(TrackedOrder order, RejectionReason... reasons) {
        order.answered(201, 0, 1);
        order.reached(OrderState.CREATED, 10, 10, Set.of());
        order.reached(OrderState.REJECTED, 20, 20, Set.of(reasons));
    }
}
