package io.orderflow.orders.topology;

import io.orderflow.events.basket.BasketCheckedOut;
import io.orderflow.events.order.CancelOrder;
import io.orderflow.events.order.PlaceOrder;
import io.orderflow.orders.domain.OrderLifecycle;
import io.orderflow.orders.domain.OrderRecord;
import io.orderflow.orders.domain.Step;
import java.time.Instant;
import java.util.function.Consumer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Applies each input to its order through {@link OrderLifecycle} and writes the {@link Step} out: the new
 * record to the store, the event and the command answer downstream, all in one exactly-once transaction.
 */
final class OrderProcessor implements Processor<String, OrderInput, String, OrderOutput> {

    private static final Logger log = LoggerFactory.getLogger(OrderProcessor.class);

    private final Consumer<String> onChange;
    private final OrderMetrics metrics;
    private ProcessorContext<String, OrderOutput> context;
    private KeyValueStore<String, OrderRecord> orders;

    OrderProcessor(Consumer<String> onChange, OrderMetrics metrics) {
        this.onChange = onChange;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, OrderOutput> context) {
        this.context = context;
        this.orders = context.getStateStore(OrdersTopology.ORDERS_STORE);
    }

    @Override
    public void process(Record<String, OrderInput> record) {
        String orderId = record.key();
        MDC.put("orderId", orderId);
        try {
            OrderRecord current = orders.get(orderId);
            Step step = apply(current, record.value(), Instant.now());
            if (step.next() != null) {
                orders.put(orderId, step.next());
            }
            if (step.event() != null) {
                log.info("order {} is {}", orderId, step.event().state());
                metrics.record(step.event());
                // The event's timestamp is when the state was reached, so windows count an order in the hour it was created.
                long at = step.event().order().updatedAt().toEpochMilli();
                context.forward(record.withValue((OrderOutput) new OrderOutput.Event(step.event())).withTimestamp(at));
            }
            if (step.reply() != null) {
                context.forward(record.withKey(step.reply().commandId())
                        .withValue((OrderOutput) new OrderOutput.Reply(step.reply())));
            }
            if (step.next() != null) {
                onChange.accept(orderId);
            }
        } finally {
            MDC.remove("orderId");
        }
    }

    private static Step apply(OrderRecord current, OrderInput input, Instant now) {
        if (input instanceof OrderInput.Command c && c.command() instanceof PlaceOrder place) {
            return OrderLifecycle.place(current, place);
        }
        if (input instanceof OrderInput.Command c && c.command() instanceof CancelOrder cancel) {
            return OrderLifecycle.cancel(current, cancel, now);
        }
        if (input instanceof OrderInput.Checkout c) {
            return OrderLifecycle.place(current, asPlaceOrder(c.checkout()));
        }
        if (input instanceof OrderInput.Check c) {
            return OrderLifecycle.check(current, c.result(), now);
        }
        if (input instanceof OrderInput.Shipment s) {
            return OrderLifecycle.shipped(current, s.shipment(), now);
        }
        throw new IllegalArgumentException("unknown input " + input);
    }

    /** A checkout is an order request like any other; its order id was chosen by basket-service. */
    static PlaceOrder asPlaceOrder(BasketCheckedOut checkout) {
        return new PlaceOrder(checkout.commandId(), checkout.orderId(), checkout.customerId(), checkout.items(),
                checkout.checkedOutAt());
    }
}
