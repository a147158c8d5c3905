package io.orderflow.testsupport.events;

import io.orderflow.events.order.Order;
import io.orderflow.events.order.OrderLine;
import io.orderflow.events.order.OrderState;
import io.orderflow.events.order.OrderStateChanged;
import io.orderflow.events.order.PlaceOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An order for a test, as the command that places it or the event of a state it reached, with defaults for
 * what the test does not care about: {@code anOrder("o-1").withLine("p-1", 2).placing()}. Lines cost 5.00 a
 * unit unless told otherwise; the customer is {@code c-1}; the order is placed at {@link #DEFAULT_TIME}.
 */
public final class AnOrder {

    public static final Instant DEFAULT_TIME = Instant.parse("2026-11-25T12:00:00Z");
    public static final BigDecimal DEFAULT_UNIT_PRICE = new BigDecimal("5.00");

    private final String orderId;
    private String customerId = "c-1";
    private final List<OrderLine> lines = new ArrayList<>();
    private Instant at = DEFAULT_TIME;

    private AnOrder(String orderId) {
        this.orderId = orderId;
    }

    public static AnOrder anOrder(String orderId) {
        return new AnOrder(orderId);
    }

    public AnOrder by(String customerId) {
        this.customerId = customerId;
        return this;
    }

    public AnOrder withLine(String productId, int quantity) {
        return withLine(productId, quantity, DEFAULT_UNIT_PRICE);
    }

    public AnOrder withLine(String productId, int quantity, String unitPrice) {
        return withLine(productId, quantity, new BigDecimal(unitPrice));
    }

    public AnOrder withLine(String productId, int quantity, BigDecimal unitPrice) {
        lines.add(new OrderLine(productId, quantity, unitPrice));
        return this;
    }

    /** When it is placed: the command's {@code requestedAt}, the order's {@code createdAt}. */
    public AnOrder at(Instant at) {
        this.at = at;
        return this;
    }

    /** The command placing it, with command id {@code cmd-<orderId>} and no {@code Idempotency-Key}. */
    public PlaceOrder placing() {
        return new PlaceOrder("cmd-" + orderId, orderId, customerId, lines(), at);
    }

    /** The order in {@code state}, last changed when it was placed. */
    public Order in(OrderState state) {
        List<OrderLine> items = lines();
        return new Order(orderId, customerId, items, Order.totalOf(items), state, List.of(), at, at, null);
    }

    /** The event of the order reaching {@code state} from {@code previous} (null: it was just created). */
    public OrderStateChanged reaching(OrderState state, OrderState previous) {
        return new OrderStateChanged(orderId + "/" + state, in(state), previous);
    }

    private List<OrderLine> lines() {
        return lines.isEmpty() ? List.of(new OrderLine("p-1", 1, DEFAULT_UNIT_PRICE)) : List.copyOf(lines);
    }
}
