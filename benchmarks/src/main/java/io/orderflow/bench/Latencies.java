package io.orderflow.bench;

import io.orderflow.events.order.OrderState;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Latency histograms (µs, 3 significant digits) of the orders placed in one phase, end to end and per hop,
 * all from the client's send (or scheduled) time and the events' own times.
 */
final class Latencies {

    static final String HTTP_POST = "http-post";
    static final String POST_TO_VALIDATED = "post-to-validated";
    static final String POST_TO_SHIPPED = "post-to-shipped";
    static final String POST_TO_REJECTED = "post-to-rejected";
    static final String POST_TO_SHIPPED_READ = "post-to-shipped-read";

    /** Per-hop latencies, in the order an order goes through them. */
    static final String HOP_POST_TO_CREATED = "post->orders-service";
    static final String HOP_CREATED_TO_STOCK = "created->stock-verdict";
    static final String HOP_CREATED_TO_PAYMENT = "created->payment-verdict";
    static final String HOP_VERDICTS_TO_VALIDATED = "last-verdict->VALIDATED";
    static final String HOP_VALIDATED_TO_SHIPMENT = "VALIDATED->shipment";
    static final String HOP_SHIPMENT_TO_SHIPPED = "shipment->SHIPPED";
    static final String HOP_SHIPPED_TO_READ = "SHIPPED->read-committed";

    private static final long HIGHEST_MICROS = 3_600_000_000L;

    /** Count and percentiles in milliseconds. */
    record Summary(long count, double p50, double p95, double p99, double p999, double max, double mean) {

        static Summary of(Histogram h) {
            if (h.getTotalCount() == 0) {
                return new Summary(0, 0, 0, 0, 0, 0, 0);
            }
            return new Summary(h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(95)),
                    ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()),
                    Math.round(h.getMean() / 10.0) / 100.0);
        }

        private static double ms(long micros) {
            return Math.round(micros / 10.0) / 100.0;
        }
    }

    private final Map<String, Histogram> endToEnd = new LinkedHashMap<>();
    private final Map<String, Histogram> hops = new LinkedHashMap<>();

    private Latencies() {
        for (String name : new String[] {HTTP_POST, POST_TO_VALIDATED, POST_TO_SHIPPED, POST_TO_REJECTED,
                POST_TO_SHIPPED_READ}) {
            endToEnd.put(name, new Histogram(HIGHEST_MICROS, 3));
        }
        for (String name : new String[] {HOP_POST_TO_CREATED, HOP_CREATED_TO_STOCK, HOP_CREATED_TO_PAYMENT,
                HOP_VERDICTS_TO_VALIDATED, HOP_VALIDATED_TO_SHIPMENT, HOP_SHIPMENT_TO_SHIPPED, HOP_SHIPPED_TO_READ}) {
            hops.put(name, new Histogram(HIGHEST_MICROS, 3));
        }
    }

    static Latencies of(Collection<TrackedOrder> orders, String phase) {
        Latencies latencies = new Latencies();
        for (TrackedOrder order : orders) {
            if (order.phase().equals(phase)) {
                latencies.add(order);
            }
        }
        return latencies;
    }

    private void add(TrackedOrder o) {
        long post = o.postMicros();
        if (o.accepted()) {
            record(endToEnd, HTTP_POST, post, o.httpMicros());
        }
        record(endToEnd, POST_TO_VALIDATED, post, o.validatedMicros());
        if (o.finalState() == OrderState.SHIPPED) {
            record(endToEnd, POST_TO_SHIPPED, post, o.finalMicros());
            record(endToEnd, POST_TO_SHIPPED_READ, post, o.finalSeenMicros());
            record(hops, HOP_CREATED_TO_STOCK, o.createdMicros(), o.stockCheckMicros());
            record(hops, HOP_CREATED_TO_PAYMENT, o.createdMicros(), o.paymentCheckMicros());
            if (o.stockCheckMicros() != TrackedOrder.NONE && o.paymentCheckMicros() != TrackedOrder.NONE) {
                record(hops, HOP_VERDICTS_TO_VALIDATED, Math.max(o.stockCheckMicros(), o.paymentCheckMicros()),
                        o.validatedMicros());
            }
            record(hops, HOP_VALIDATED_TO_SHIPMENT, o.validatedMicros(), o.shipmentMicros());
            record(hops, HOP_SHIPMENT_TO_SHIPPED, o.shipmentMicros(), o.finalMicros());
            record(hops, HOP_SHIPPED_TO_READ, o.finalMicros(), o.finalSeenMicros());
        } else if (o.finalState() == OrderState.REJECTED) {
            record(endToEnd, POST_TO_REJECTED, post, o.finalMicros());
        }
        record(hops, HOP_POST_TO_CREATED, post, o.createdMicros());
    }

    private static void record(Map<String, Histogram> into, String name, long from, long to) {
        if (from == TrackedOrder.NONE || to == TrackedOrder.NONE) {
            return;
        }
        // Event times have millisecond precision on some paths; a hop shorter than that may read as negative.
        into.get(name).recordValue(Math.min(HIGHEST_MICROS, Math.max(0, to - from)));
    }

    Map<String, Summary> endToEnd() {
        Map<String, Summary> summaries = new LinkedHashMap<>();
        endToEnd.forEach((name, h) -> summaries.put(name, Summary.of(h)));
        return summaries;
    }

    Map<String, Summary> hops() {
        Map<String, Summary> summaries = new LinkedHashMap<>();
        hops.forEach((name, h) -> summaries.put(name, Summary.of(h)));
        return summaries;
    }

    /** One HdrHistogram percentile file (values in ms) per end-to-end latency: {@code <phase>-<latency>.hgrm}. */
    void writeHgrm(Path dir, String phase) throws IOException {
        Files.createDirectories(dir);
        for (var entry : endToEnd.entrySet()) {
            if (entry.getValue().getTotalCount() == 0) {
                continue;
            }
            try (PrintStream file = new PrintStream(Files.newOutputStream(dir.resolve(phase + "-" + entry.getKey()
                    + ".hgrm")), false, java.nio.charset.StandardCharsets.UTF_8)) {
                entry.getValue().outputPercentileDistribution(file, 1000.0);
            }
        }
    }
}
