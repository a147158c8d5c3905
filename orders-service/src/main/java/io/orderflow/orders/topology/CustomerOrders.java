package io.orderflow.orders.topology;

import io.orderflow.events.order.Order;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A customer's orders by id, each as of its latest state; the value of the customer-orders store. */
public record CustomerOrders(Map<String, Order> orders) {

    /** Newest first by creation time, then by id, as {@code GET /orders?customerId=} lists them. */
    public static final Comparator<Order> NEWEST_FIRST =
            Comparator.comparing(Order::createdAt).reversed().thenComparing(Order::id);

    public CustomerOrders {
        orders = orders == null ? Map.of() : Map.copyOf(orders);
    }

    static CustomerOrders empty() {
        return new CustomerOrders(Map.of());
    }

    CustomerOrders with(Order order) {
        Map<String, Order> next = new LinkedHashMap<>(orders);
        next.put(order.id(), order);
        return new CustomerOrders(next);
    }

    public List<Order> newestFirst() {
        return orders.values().stream().sorted(NEWEST_FIRST).toList();
    }
}
