package io.orderflow.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Places orders through {@code POST /orders} with at most {@code clients} requests in flight, spread in turn
 * over the orders-service instances (as a load balancer in front of them would).
 * <ul>
 *   <li><b>closed loop</b>: a new order as soon as a client is free and fewer than {@code maxInFlight} orders
 *       are unfinished (posted but not final): the suite's maximum rate, with a bounded backlog;</li>
 *   <li><b>open loop</b>: orders on a fixed schedule whatever the answers; an order's clock starts at its
 *       scheduled time, so waiting for a free client counts against the suite (no coordinated omission).</li>
 * </ul>
 * Both stop by themselves after their duration or their order count, whichever comes first.
 */
final class LoadGenerator {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final List<URI> ordersUris;
    private final OrderTracker tracker;
    private final Workload workload;
    private final Semaphore clients;
    private final Semaphore inFlight;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();

    /** @param ordersUris {@code POST /orders} of every orders-service instance; orders go to them in turn */
    LoadGenerator(HttpClient http, List<URI> ordersUris, OrderTracker tracker, Workload workload, int clients,
            int maxInFlight) {
        this.http = http;
        if (ordersUris.isEmpty()) {
            throw new IllegalArgumentException("no orders-service instance to post to");
        }
        this.ordersUris = List.copyOf(ordersUris);
        this.tracker = tracker;
        this.workload = workload;
        this.clients = new Semaphore(clients);
        this.inFlight = new Semaphore(maxInFlight);
    }

    /** The tracker calls this when an order becomes final: its in-flight permit goes back. */
    void finished(TrackedOrder order) {
        if (order.givePermitBack()) {
            inFlight.release();
        }
    }

    long sent() {
        return sent.get();
    }

    long answered() {
        return answered.get();
    }

    /** Failed POSTs by HTTP status or exception class. */
    Map<String, Long> errors() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        errors.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    long errorCount() {
        return errors.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** @return the number of orders sent */
    long closedLoop(String phase, Duration duration, long maxOrders) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        long count = 0;
        while (count < maxOrders && System.nanoTime() < deadline) {
            // Short waits, so the phase ends on time even when the suite stops answering.
            if (!inFlight.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                continue;
            }
            if (!clients.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                inFlight.release();
                continue;
            }
            send(phase, Micros.now(), true);
            count++;
        }
        return count;
    }

    /**
     * @return orders sent and the orders that were due but not sent before the deadline (the suite could
     *         not keep up with the schedule)
     */
    OpenLoopCount openLoop(String phase, Duration duration, double rate, long maxOrders) throws InterruptedException {
        long start = System.nanoTime();
        long startMicros = Micros.now();
        long deadline = start + duration.toNanos();
        double intervalNanos = 1e9 / rate;
        long count = 0;
        long maxLagMicros = 0;
        for (long i = 0; i < maxOrders; i++) {
            long due = start + (long) (i * intervalNanos);
            if (due >= deadline) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || !clients.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                break;
            }
            maxLagMicros = Math.max(maxLagMicros, (System.nanoTime() - due) / 1_000);
            send(phase, startMicros + (due - start) / 1_000, false);
            count++;
        }
        long due = Math.min(maxOrders, (long) Math.ceil(duration.toNanos() / intervalNanos));
        return new OpenLoopCount(count, Math.max(0, due - count), maxLagMicros / 1000.0);
    }

    /** @param maxLagMs the longest a scheduled order waited for a free client */
    record OpenLoopCount(long sent, long missed, double maxLagMs) {
    }

    private void send(String phase, long postMicros, boolean holdsPermit) {
        long number = sequence.incrementAndGet();
        Workload.OrderSpec spec = workload.order(number);
        TrackedOrder order = new TrackedOrder(spec, phase, postMicros, holdsPermit);
        tracker.track(order);
        HttpRequest request = HttpRequest.newBuilder(ordersUris.get((int) (number % ordersUris.size()))).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(spec.json())).build();
        sent.incrementAndGet();
        try {
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                clients.release();
                answered.incrementAndGet();
                if (error != null) {
                    order.answered(-1, Micros.now());
                    failed(order, error.getClass().getSimpleName());
                } else {
                    order.answered(response.statusCode(), Micros.now());
                    if (response.statusCode() != 201) {
                        failed(order, "HTTP " + response.statusCode());
                    }
                }
            });
        } catch (RuntimeException e) {
            clients.release();
            order.answered(-1, Micros.now());
            failed(order, e.getClass().getSimpleName());
        }
    }

    private void failed(TrackedOrder order, String what) {
        errors.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
        // A failed POST may or may not have created the order; either way the loop must not wait for it.
        finished(order);
    }
}
