package io.orderflow.bench;

import io.orderflow.events.order.OrderLine;
import io.orderflow.events.order.OrderState;
import io.orderflow.events.order.RejectionReason;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks every order's fate against what the workload makes certain, and works out the stock and balances
 * the suite must end with. A fast run that loses, doubles or misjudges an order fails here.
 */
final class OutcomeCheck {

    static final int MAX_LISTED = 20;

    private static final List<OrderState> SHIPPED_PATH = List.of(OrderState.CREATED, OrderState.VALIDATED,
            OrderState.SHIPPED);
    private static final List<OrderState> REJECTED_PATH = List.of(OrderState.CREATED, OrderState.REJECTED);

    private final List<String> failures = new ArrayList<>();
    private long failureCount;
    private final Map<String, Long> outcomes = new TreeMap<>();
    private final Map<String, Long> expectedStock = new LinkedHashMap<>();
    private final Map<String, BigDecimal> expectedBalances = new LinkedHashMap<>();

    /** Failures found so far: at most {@link #MAX_LISTED} listed, all counted. */
    List<String> failures() {
        return List.copyOf(failures);
    }

    long failureCount() {
        return failureCount;
    }

    boolean passed() {
        return failureCount == 0;
    }

    /** Orders per outcome: {@code SHIPPED}, {@code REJECTED INSUFFICIENT_STOCK}, {@code NOT FINAL}... */
    Map<String, Long> outcomes() {
        return outcomes;
    }

    /** Units on hand each stocked product must end with. */
    Map<String, Long> expectedStock() {
        return expectedStock;
    }

    /** Balance each funded customer must end with (every hold captured or released). */
    Map<String, BigDecimal> expectedBalances() {
        return expectedBalances;
    }

    void fail(String failure) {
        failureCount++;
        if (failures.size() < MAX_LISTED) {
            failures.add(failure);
        }
    }

    /** Checks the orders (after the drain) and computes the expected end state. */
    static OutcomeCheck of(Collection<TrackedOrder> orders, Workload workload) {
        OutcomeCheck check = new OutcomeCheck();
        check.expectedStock.putAll(workload.stock());
        check.expectedBalances.putAll(workload.balances());
        Map<String, long[]> scarce = new TreeMap<>();
        Map<String, long[]> poor = new TreeMap<>();
        for (TrackedOrder order : orders) {
            check.order(order, scarce, poor);
        }
        scarce.forEach((product, counts) -> {
            long expected = Math.min(Workload.SCARCE_STOCK, counts[0]);
            if (counts[1] != expected) {
                check.fail(product + ": " + counts[1] + " of " + counts[0] + " one-unit orders shipped, expected "
                        + expected + " (stock " + Workload.SCARCE_STOCK + ")");
            }
        });
        poor.forEach((customer, counts) -> {
            long expected = Math.min(Workload.POOR_ORDERS_FUNDED, counts[0]);
            if (counts[1] != expected) {
                check.fail(customer + ": " + counts[1] + " of " + counts[0] + " orders of "
                        + Workload.POOR_ORDER_TOTAL + " shipped, expected " + expected + " (balance "
                        + Workload.POOR_BALANCE + ")");
            }
        });
        return check;
    }

    private void order(TrackedOrder order, Map<String, long[]> scarce, Map<String, long[]> poor) {
        Workload.OrderSpec spec = order.spec();
        if (!order.exists()) {
            // A POST that failed outright never created the order; that failure is reported with the errors.
            if (order.accepted()) {
                fail(spec.id() + ": accepted but never published as CREATED");
            }
            count("NEVER CREATED");
            return;
        }
        List<OrderState> states = order.states();
        OrderState last = order.finalState();
        if (last == null) {
            fail(spec.id() + ": not final after the drain, states " + states);
            count("NOT FINAL");
            return;
        }
        if (!states.equals(last == OrderState.SHIPPED ? SHIPPED_PATH : REJECTED_PATH)) {
            fail(spec.id() + ": states " + states + " (each state once, in order, is expected)");
        }
        Set<RejectionReason> reasons = order.reasons();
        count(last == OrderState.SHIPPED ? "SHIPPED" : last + " " + reasons);
        RejectionReason allowed = spec.kind().rejection();
        if (last == OrderState.SHIPPED) {
            if (spec.kind() != Workload.Kind.NORMAL && spec.kind() != Workload.Kind.SCARCE_PRODUCT
                    && spec.kind() != Workload.Kind.POOR_CUSTOMER) {
                fail(spec.id() + ": " + spec.kind() + " order SHIPPED, expected REJECTED " + allowed);
            }
            for (OrderLine line : spec.lines()) {
                expectedStock.computeIfPresent(line.productId(), (p, units) -> units - line.quantity());
            }
            expectedBalances.computeIfPresent(spec.customerId(), (c, balance) -> balance.subtract(spec.total()));
        } else if (last != OrderState.REJECTED) {
            fail(spec.id() + ": ended " + last + ", expected SHIPPED or REJECTED");
        } else if (allowed == null || !reasons.equals(Set.of(allowed))) {
            fail(spec.id() + ": " + spec.kind() + " order REJECTED for " + reasons
                    + (allowed == null ? ", expected SHIPPED" : ", expected only " + allowed));
        }
        if (spec.kind() == Workload.Kind.SCARCE_PRODUCT) {
            tally(scarce, spec.lines().get(0).productId(), last == OrderState.SHIPPED);
        } else if (spec.kind() == Workload.Kind.POOR_CUSTOMER) {
            tally(poor, spec.customerId(), last == OrderState.SHIPPED);
        }
    }

    private static void tally(Map<String, long[]> counts, String key, boolean shipped) {
        long[] c = counts.computeIfAbsent(key, k -> new long[2]);
        c[0]++;
        if (shipped) {
            c[1]++;
        }
    }

    private void count(String outcome) {
        outcomes.merge(outcome, 1L, Long::sum);
    }
}
