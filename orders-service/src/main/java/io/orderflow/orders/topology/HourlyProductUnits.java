package io.orderflow.orders.topology;

import io.orderflow.events.order.Order;
import io.orderflow.events.order.OrderLine;
import java.time.Duration;
import org.apache.kafka.streams.state.TimestampedWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The hourly analytics (the streaming-SQL example: orders and units per product per hour of creation), counted
 * where orders are created: the task that creates an order adds its lines to {@code hourly-product-orders-store}
 * in the same transaction. The store is partitioned like the orders, so each partition holds a share of every
 * product's figures and a read adds the shares up.
 *
 * <p>An order whose creation time is more than {@code grace} behind the newest seen is no longer counted, as a
 * windowed aggregation with that grace would drop it.
 */
final class HourlyProductUnits {

    private final TimestampedWindowStore<String, ProductUnits> windows;
    private final Duration grace;

    HourlyProductUnits(TimestampedWindowStore<String, ProductUnits> windows, Duration grace) {
        this.windows = windows;
        this.grace = grace;
    }

    /** @param streamTime the newest record time the task has seen */
    void count(Order order, long streamTime) {
        long createdAt = order.createdAt().toEpochMilli();
        if (createdAt < streamTime - grace.toMillis()) {
            return;
        }
        long windowStart = createdAt - Math.floorMod(createdAt, OrdersTopology.WINDOW.toMillis());
        for (OrderLine line : order.items()) {
            ValueAndTimestamp<ProductUnits> current = windows.fetch(line.productId(), windowStart);
            ProductUnits before = current == null ? ProductUnits.zero() : current.value();
            long at = current == null ? createdAt : Math.max(current.timestamp(), createdAt);
            windows.put(line.productId(), ValueAndTimestamp.make(before.plus(new ProductUnits(1, line.quantity())), at),
                    windowStart);
        }
    }
}
