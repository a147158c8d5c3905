package io.orderflow.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Places orders through {@code POST /orders} from {@code clients} client threads, each with its own kept-alive
 * HTTP/1.1 connection to every orders-service instance (a blocking socket: one request in flight per client),
 * spreading the orders in turn over the instances (as a load balancer in front of them would). Each POST carries
 * its customer's bearer token ({@link BenchTokens}), a header line precomputed per customer.
 * <ul>
 *   <li><b>closed loop</b>: a new order as soon as a client is free and fewer than {@code maxInFlight} orders
 *       are unfinished (posted but not final): the suite's maximum rate, with a bounded backlog;</li>
 *   <li><b>open loop</b>: orders on a fixed schedule whatever the answers; the next free client takes the next
 *       scheduled order, and an order's clock starts at its scheduled time, so waiting for a free client counts
 *       against the suite (no coordinated omission).</li>
 * </ul>
 * Both stop by themselves after their duration or their order count, whichever comes first; the POSTs still
 * in flight then finish in the background.
 *
 * <p>Why not the JDK's HttpClient: it cost ~0.6 ms of CPU per request here, this client ~0.06 ms; at the
 * suite's target of 1,000 orders/s the JDK client would take more than half of one of the cores the suite runs
 * on (docs/benchmarks.md, "What the benchmark itself costs"). A single NIO selector thread measured no cheaper.
 */
final class LoadGenerator implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int RESPONSE_TIMEOUT_MS = 30_000;
    private static final String ORDERS_PATH = "/orders";
    /** What the services' 503 answers say in {@code Retry-After}. */
    private static final long RETRY_AFTER_MS = 1_000;
    private static final int MAX_RETRIES = 3;

    private final List<InetSocketAddress> ordersServices;
    private final List<PostRequest> requests;
    private final Consumer<TrackedOrder> beforePost;
    private final Workload workload;
    private final BenchTokens tokens;
    private final List<Client> clients = new ArrayList<>();
    private final ExecutorService threads;
    private final Semaphore inFlight;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final AtomicLong retried = new AtomicLong();
    private List<Future<?>> running = List.of();

    /**
     * @param ordersServices every orders-service instance; orders go to them in turn
     * @param beforePost     called with each order before its POST goes out (the tracker registers it)
     * @param tokens         the customers' tokens (fetched beforehand: {@link BenchTokens#prefetch}), or none
     */
    LoadGenerator(List<InetSocketAddress> ordersServices, Consumer<TrackedOrder> beforePost, Workload workload,
            BenchTokens tokens, int clients, int maxInFlight) {
        if (ordersServices.isEmpty()) {
            throw new IllegalArgumentException("no orders-service instance to post to");
        }
        this.ordersServices = List.copyOf(ordersServices);
        this.requests = this.ordersServices.stream()
                .map(a -> new PostRequest(a.getHostString(), a.getPort(), ORDERS_PATH)).toList();
        this.beforePost = beforePost;
        this.workload = workload;
        this.tokens = tokens;
        this.inFlight = new Semaphore(maxInFlight);
        for (int i = 0; i < clients; i++) {
            this.clients.add(new Client());
        }
        AtomicInteger number = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(clients, r -> {
            Thread t = new Thread(r, "benchmark-client-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
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

    /** Failed POSTs by HTTP status or exception class. */
    Map<String, Long> errors() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        errors.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /** POSTs sent again after a 503 (a retried POST that then succeeded is not an error). */
    long retried() {
        return retried.get();
    }

    long errorCount() {
        return errors.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** @return the number of orders sent */
    long closedLoop(String phase, Duration duration, long maxOrders) throws InterruptedException {
        awaitAnswers();
        SendQuota quota = new SendQuota(System.nanoTime() + duration.toNanos(), maxOrders);
        start(client -> {
            while (!quota.over()) {
                // Short waits, so the phase ends on time even when the suite stops answering.
                if (!inFlight.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                if (!quota.tryTake()) {
                    inFlight.release();
                    return;
                }
                post(client, phase, Micros.now(), true);
            }
        });
        return quota.awaitEnd();
    }

    /**
     * @return orders sent and the orders that were due but not sent before the deadline (the suite could
     *         not keep up with the schedule)
     */
    OpenLoopCount openLoop(String phase, Duration duration, double rate, long maxOrders) throws InterruptedException {
        awaitAnswers();
        long start = System.nanoTime();
        long startMicros = Micros.now();
        double intervalNanos = 1e9 / rate;
        SendQuota quota = new SendQuota(start + duration.toNanos(),
                Math.min(maxOrders, (long) Math.ceil(duration.toNanos() / intervalNanos)));
        AtomicLong nextSlot = new AtomicLong();
        AtomicLong maxLagNanos = new AtomicLong();
        start(client -> {
            for (long slot = nextSlot.getAndIncrement(); slot < quota.limit(); slot = nextSlot.getAndIncrement()) {
                long due = start + (long) (slot * intervalNanos);
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                    if (Thread.interrupted()) {
                        throw new InterruptedException("closed while waiting for slot " + slot);
                    }
                }
                if (!quota.tryTake()) {
                    return;
                }
                long lag = System.nanoTime() - due;
                maxLagNanos.accumulateAndGet(lag, Math::max);
                post(client, phase, startMicros + (due - start) / 1_000, false);
            }
        });
        long count = quota.awaitEnd();
        return new OpenLoopCount(count, quota.limit() - count, maxLagNanos.get() / 1e6);
    }

    /** @param maxLagMs the longest a scheduled order waited for a free client */
    record OpenLoopCount(long sent, long missed, double maxLagMs) {
    }

    /** What one client thread does during a phase. */
    private interface ClientLoop {
        void run(Client client) throws InterruptedException;
    }

    private void start(ClientLoop loop) {
        List<Future<?>> futures = new ArrayList<>(clients.size());
        for (Client client : clients) {
            futures.add(threads.submit(() -> {
                loop.run(client);
                return null;
            }));
        }
        running = futures;
    }

    /** Waits for the last phase's POSTs still in flight (each client sends one at a time, so phases wait). */
    void awaitAnswers() throws InterruptedException {
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a load client failed", e.getCause());
            }
        }
        running = List.of();
    }

    private void post(Client client, String phase, long postMicros, boolean holdsPermit) {
        long number = sequence.incrementAndGet();
        Workload.OrderSpec spec = workload.order(number);
        TrackedOrder order = new TrackedOrder(spec, phase, postMicros, holdsPermit);
        beforePost.accept(order);
        int instance = (int) (number % ordersServices.size());
        sent.incrementAndGet();
        int status;
        int retries = 0;
        try {
            // Inside the try: a token the issuer refuses to renew fails this order, not the client thread.
            byte[] request = requests.get(instance).withBody(tokens.customerHeader(spec.customerId()), spec.json());
            status = client.connectionTo(instance).send(request);
            // As docs/api.md tells clients: a 503 (not taken, or taken but not confirmed in time, e.g. while
            // partitions move to a new instance) is retried after its Retry-After with the same order id, so a
            // retry either places the order or answers the one already placed.
            while (status == 503 && retries < MAX_RETRIES) {
                retries++;
                retried.incrementAndGet();
                Thread.sleep(RETRY_AFTER_MS);
                status = client.connectionTo(instance).send(request);
            }
        } catch (IOException | RuntimeException e) {
            order.answered(-1, retries, Micros.now());
            failed(order, e.getClass().getSimpleName());
            return;
        } catch (InterruptedException e) {
            // The phase is over (close()): this order is cut short like any other POST still in flight.
            Thread.currentThread().interrupt();
            order.answered(-1, retries, Micros.now());
            finished(order);
            return;
        }
        order.answered(status, retries, Micros.now());
        if (!order.accepted()) {
            failed(order, "HTTP " + status);
        }
    }

    private void failed(TrackedOrder order, String what) {
        errors.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
        // A failed POST may or may not have created the order; either way the loop must not wait for it.
        finished(order);
    }

    /** Stops the client threads (a phase's last POSTs are cut short) and closes their connections. */
    @Override
    public void close() {
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        clients.forEach(Client::close);
    }

    /** One client thread's connections, one per orders-service instance, opened on first use. */
    private final class Client {

        private final KeepAliveConnection[] connections = new KeepAliveConnection[ordersServices.size()];

        KeepAliveConnection connectionTo(int instance) {
            if (connections[instance] == null) {
                connections[instance] = new KeepAliveConnection(ordersServices.get(instance), CONNECT_TIMEOUT_MS,
                        RESPONSE_TIMEOUT_MS);
            }
            return connections[instance];
        }

        void close() {
            for (KeepAliveConnection connection : connections) {
                if (connection != null) {
                    connection.close();
                }
            }
        }
    }
}
