package io.orderflow.stock.domain;

import io.orderflow.events.Ids;
import io.orderflow.events.order.CheckType;
import io.orderflow.events.order.OrderCheckCompleted;
import io.orderflow.events.order.Rejection;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines of one order answered so far, the value of {@code stock-order-checks-store}. Keyed by product,
 * so a redelivered answer for a line counts once and cannot complete the check early.
 *
 * @param lineCount how many distinct products the order has
 * @param lines     product id -> that line's answer
 */
public record OrderCheck(String orderId, int lineCount, Map<String, LineResult> lines) {

    public OrderCheck {
        Ids.require(orderId, "orderId");
        lines = lines == null ? Map.of() : Map.copyOf(lines);
    }

    public static OrderCheck begin(String orderId, int lineCount) {
        return new OrderCheck(orderId, lineCount, Map.of());
    }

    /** This check with the line's answer; the first answer for a product stands. */
    public OrderCheck with(LineResult line) {
        if (lines.containsKey(line.productId())) {
            return this;
        }
        Map<String, LineResult> next = new HashMap<>(lines);
        next.put(line.productId(), line);
        return new OrderCheck(orderId, lineCount, next);
    }

    public boolean hasEveryLine() {
        return lines.size() >= lineCount;
    }

    /** The stock verdict: passed when every line is reserved, else one rejection per failed line (by product id). */
    public OrderCheckCompleted verdict(Instant at) {
        List<Rejection> rejections = lines.values().stream()
                .filter(line -> !line.ok())
                .sorted(Comparator.comparing(LineResult::productId))
                .map(LineResult::rejection)
                .toList();
        return rejections.isEmpty() ? OrderCheckCompleted.passed(orderId, CheckType.STOCK, at)
                : OrderCheckCompleted.failed(orderId, CheckType.STOCK, rejections, at);
    }
}
