package io.orderflow.basket.domain;

import io.orderflow.events.Ids;
import io.orderflow.events.order.Order;
import io.orderflow.events.order.OrderLine;
import java.math.BigDecimal;
import java.util.List;

/**
 * A customer's basket: its lines in the order products were first added (at most {@link #MAX_LINES}, one per
 * product) and the last checkout. The value of {@code baskets-store}, keyed by customer id.
 *
 * @param lastCheckout null until the first checkout
 */
public record Basket(String customerId, List<OrderLine> lines, LastCheckout lastCheckout) {

    /** The same limit as an order's lines, so every basket can become an order. */
    public static final int MAX_LINES = 100;

    public Basket {
        Ids.require(customerId, "customerId");
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public static Basket empty(String customerId) {
        return new Basket(customerId, List.of(), null);
    }

    public BigDecimal total() {
        return Order.totalOf(lines);
    }

    int indexOf(String productId) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).productId().equals(productId)) {
                return i;
            }
        }
        return -1;
    }

    Basket withLines(List<OrderLine> next) {
        return new Basket(customerId, next, lastCheckout);
    }
}
