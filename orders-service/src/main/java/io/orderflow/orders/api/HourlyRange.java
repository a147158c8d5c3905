package io.orderflow.orders.api;

import io.orderflow.orders.topology.OrdersTopology;
import io.orderflow.service.web.ApiException;
import java.time.Duration;
import java.time.Instant;

/**
 * The hours {@code GET /analytics/orders/hourly} reads: the windows whose start is in {@code [from, to)}.
 * Unless asked, {@code to} is the end of the current hour and {@code from} 7 days before it (168 windows, the
 * current one included). A range is at most 7 days long: the time the store keeps a window unless the grace
 * is longer, and a bound on what one read costs (168 windows per product).
 */
record HourlyRange(Instant from, Instant to) {

    private static final Duration DEFAULT_SPAN = Duration.ofDays(7);
    private static final Duration MAX_SPAN = Duration.ofDays(7);
    /** The store counts milliseconds since the epoch; outside these, a time is a typo rather than a question. */
    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    /** The range asked for, defaults filled in from {@code now}; a {@code 400} validation problem when it is not one. */
    static HourlyRange of(Instant from, Instant to, Instant now) {
        requireWithinStore("from", from);
        requireWithinStore("to", to);
        Instant end = to != null ? to : endOfHour(now);
        Instant start = from != null ? from : latest(EARLIEST, end.minus(DEFAULT_SPAN));
        if (start.isAfter(end)) {
            throw ApiException.invalid("from", "must not be after to (" + end + ")");
        }
        if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            throw ApiException.invalid("from", "must be at most " + MAX_SPAN.toDays() + " days before to (" + end + ")");
        }
        return new HourlyRange(start, end);
    }

    private static void requireWithinStore(String field, Instant time) {
        if (time != null && (time.isBefore(EARLIEST) || time.isAfter(LATEST))) {
            throw ApiException.invalid(field, "must be between " + EARLIEST + " and " + LATEST);
        }
    }

    /** The end of the window {@code now} is in: windows are aligned to the epoch. */
    private static Instant endOfHour(Instant now) {
        long window = OrdersTopology.WINDOW.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), window) * window + window);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
