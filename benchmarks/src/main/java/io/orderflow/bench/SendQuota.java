package io.orderflow.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The sends one load phase still allows: at most {@code limit}, none after its deadline or once the phase is
 * closed. Client threads take from it before every send; the phase's own thread waits for the end and closes
 * it, so the count it gets back is exactly the number of orders the phase sent.
 */
final class SendQuota {

    private final long deadlineNanos;
    private final long limit;
    private final CountDownLatch usedUp = new CountDownLatch(1);
    private long sent;
    private boolean closed;

    /** @param deadlineNanos on the {@link System#nanoTime()} clock */
    SendQuota(long deadlineNanos, long limit) {
        this.deadlineNanos = deadlineNanos;
        this.limit = limit;
        if (limit <= 0) {
            closed = true;
            usedUp.countDown();
        }
    }

    long limit() {
        return limit;
    }

    /** True, and one send counted, if the phase allows one more. */
    synchronized boolean tryTake() {
        if (over()) {
            return false;
        }
        if (++sent == limit) {
            closed = true;
            usedUp.countDown();
        }
        return true;
    }

    synchronized boolean over() {
        return closed || System.nanoTime() - deadlineNanos >= 0;
    }

    /** Waits until every send was taken or the deadline passed, closes the quota and returns the sends taken. */
    long awaitEnd() throws InterruptedException {
        usedUp.await(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        return close();
    }

    synchronized long close() {
        closed = true;
        return sent;
    }
}
