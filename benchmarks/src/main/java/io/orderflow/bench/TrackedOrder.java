package io.orderflow.bench;

import io.orderflow.events.order.OrderState;
import io.orderflow.events.order.RejectionReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the benchmark knows about one order it placed: when it asked (client clock), how HTTP answered, and
 * every event the suite published about it (event times from the suite's clock, same machine).
 * The HTTP callback and the topic reader write different fields; all access is synchronized.
 */
final class TrackedOrder {

    static final long NONE = Long.MIN_VALUE;

    private final Workload.OrderSpec spec;
    private final String phase;
    private final long postMicros;
    private final AtomicBoolean holdsPermit;

    private int httpStatus;
    private int retries;
    private long httpMicros = NONE;
    private final List<OrderState> states = new ArrayList<>(3);
    private long createdMicros = NONE;
    private long validatedMicros = NONE;
    private long finalMicros = NONE;
    private long finalSeenMicros = NONE;
    private long stockCheckMicros = NONE;
    private long paymentCheckMicros = NONE;
    private long shipmentMicros = NONE;
    private OrderState finalState;
    private Set<RejectionReason> reasons = Set.of();

    /**
     * @param postMicros when the POST was meant to go out (epoch µs): the send time in the closed loop, the
     *                   scheduled time in the open loop, so a late send counts against the suite
     * @param holdsPermit whether it took a closed-loop in-flight permit
     */
    TrackedOrder(Workload.OrderSpec spec, String phase, long postMicros, boolean holdsPermit) {
        this.spec = spec;
        this.phase = phase;
        this.postMicros = postMicros;
        this.holdsPermit = new AtomicBoolean(holdsPermit);
    }

    Workload.OrderSpec spec() {
        return spec;
    }

    String phase() {
        return phase;
    }

    long postMicros() {
        return postMicros;
    }

    /**
     * True for the first caller if the order holds one of the closed loop's in-flight permits, so the permit
     * is given back once, whether the order finished or its POST failed.
     */
    boolean givePermitBack() {
        return holdsPermit.compareAndSet(true, false);
    }

    /** @param retries how many 503 answers came before this one (each retried with the same order id) */
    synchronized void answered(int status, int retries, long atMicros) {
        httpStatus = status;
        this.retries = retries;
        httpMicros = atMicros;
    }

    /**
     * Whether the suite took the order: 201, or, for a retry after a 503, the 200 that answers an order id it
     * already has with the same body (the first attempt was written, only not confirmed in time).
     */
    synchronized boolean accepted() {
        return httpStatus == 201 || (httpStatus == 200 && retries > 0);
    }

    /** @return true if this event made the order final (the first final event) */
    synchronized boolean reached(OrderState state, long eventMicros, long seenMicros, Set<RejectionReason> rejections) {
        states.add(state);
        if (state == OrderState.CREATED) {
            createdMicros = eventMicros;
        } else if (state == OrderState.VALIDATED) {
            validatedMicros = eventMicros;
        }
        if (state.isFinal() && finalState == null) {
            finalState = state;
            finalMicros = eventMicros;
            finalSeenMicros = seenMicros;
            reasons = Set.copyOf(rejections);
            return true;
        }
        return false;
    }

    /** Stock answers per product: its check is done at the last product's verdict. */
    synchronized void checked(boolean stock, long atMicros) {
        if (stock) {
            stockCheckMicros = Math.max(stockCheckMicros, atMicros);
        } else {
            paymentCheckMicros = atMicros;
        }
    }

    synchronized void shipmentCreated(long atMicros) {
        shipmentMicros = atMicros;
    }

    synchronized int httpStatus() {
        return httpStatus;
    }

    synchronized long httpMicros() {
        return httpMicros;
    }

    synchronized List<OrderState> states() {
        return List.copyOf(states);
    }

    synchronized boolean exists() {
        return !states.isEmpty();
    }

    synchronized long createdMicros() {
        return createdMicros;
    }

    synchronized long validatedMicros() {
        return validatedMicros;
    }

    synchronized long finalMicros() {
        return finalMicros;
    }

    synchronized long finalSeenMicros() {
        return finalSeenMicros;
    }

    synchronized long stockCheckMicros() {
        return stockCheckMicros;
    }

    synchronized long paymentCheckMicros() {
        return paymentCheckMicros;
    }

    synchronized long shipmentMicros() {
        return shipmentMicros;
    }

    synchronized OrderState finalState() {
        return finalState;
    }

    synchronized Set<RejectionReason> reasons() {
        return reasons;
    }
}
