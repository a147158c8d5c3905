package io.orderflow.orders.topology;

import io.orderflow.events.order.Order;
import io.orderflow.events.order.OrderStateChanged;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps every customer's orders, each as of its latest state, one store entry per order under
 * {@code <customerId>/<orderId>}. Its input is keyed by customer id, so all of a customer's entries live in the
 * partition that customer id hashes to, and a prefix scan of that partition lists them.
 *
 * <p>One entry per order, not one list per customer: a state change rewrites one small record, and a customer
 * with many orders never approaches the broker's record size limit.
 */
public final class CustomerOrderIndex implements Processor<String, OrderStateChanged, Void, Void> {

    /** Not in the id alphabet ({@code [A-Za-z0-9._:-]}), so {@code c-1/} never matches {@code c-10/...}. */
    private static final char SEPARATOR = '/';

    private KeyValueStore<String, Order> entries;

    /** The store key of one of a customer's orders. */
    static String key(String customerId, String orderId) {
        return customerId + SEPARATOR + orderId;
    }

    /** The common start of every key of one customer's orders. */
    public static String prefix(String customerId) {
        return customerId + SEPARATOR;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        entries = context.getStateStore(OrdersTopology.CUSTOMER_ORDERS_STORE);
    }

    @Override
    public void process(Record<String, OrderStateChanged> record) {
        Order order = record.value().order();
        entries.put(key(order.customerId(), order.id()), order);
    }
}
