package io.orderflow.events.order;

import io.orderflow.events.EventType;
import io.orderflow.events.Ids;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One check's verdict on one order; topic {@code order-validations}, keyed by order id.
 *
 * <p>Version 2: stock answers per product ({@code productId} set), since each product is reserved by the task
 * that owns it; orders-service gathers the answers of every product of the order and payment's one answer.
 * Payment's verdicts have no {@code productId}; a version-1 stock verdict has none either and is about every
 * product of the order (stock-service gathered the lines itself then), which orders-service still reads.
 *
 * @param productId the product a stock verdict is about; null for payment and for a whole-order stock verdict
 */
@EventType(value = "OrderCheckCompleted", version = 2)
public record OrderCheckCompleted(String orderId, CheckType check, boolean passed, List<Rejection> rejections,
        Instant checkedAt, String productId) {

    public OrderCheckCompleted {
        Ids.require(orderId, "orderId");
        Objects.requireNonNull(check, "check");
        if (check == CheckType.ORDERS) {
            throw new IllegalArgumentException("a verdict is stock's or payment's; orders-service answers no check");
        }
        rejections = rejections == null ? List.of() : List.copyOf(rejections);
        Objects.requireNonNull(checkedAt, "checkedAt");
        if (passed != rejections.isEmpty()) {
            throw new IllegalArgumentException("a passed check has no rejections; a failed one has at least one");
        }
        if (productId != null) {
            if (check != CheckType.STOCK) {
                throw new IllegalArgumentException("only a stock verdict names a product");
            }
            Ids.require(productId, "productId");
        }
    }

    /** Payment's verdict: passed when {@code rejection} is null. */
    public static OrderCheckCompleted payment(String orderId, Rejection rejection, Instant at) {
        return new OrderCheckCompleted(orderId, CheckType.PAYMENT, rejection == null,
                rejection == null ? List.of() : List.of(rejection), at, null);
    }

    /** Stock's verdict on one product of the order: reserved when {@code rejection} is null. */
    public static OrderCheckCompleted stock(String orderId, String productId, Rejection rejection, Instant at) {
        return new OrderCheckCompleted(orderId, CheckType.STOCK, rejection == null,
                rejection == null ? List.of() : List.of(rejection), at, productId);
    }
}
