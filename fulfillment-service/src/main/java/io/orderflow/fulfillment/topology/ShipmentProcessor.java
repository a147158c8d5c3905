package io.orderflow.fulfillment.topology;

import io.orderflow.events.order.OrderStateChanged;
import io.orderflow.events.shipment.ShipmentCreated;
import io.orderflow.fulfillment.domain.Shipment;
import io.orderflow.fulfillment.domain.ShipmentRules;
import io.orderflow.fulfillment.domain.ShipmentStep;
import java.time.Clock;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Applies each order event to the order's shipment through {@link ShipmentRules}: the stored shipment and
 * the published {@link ShipmentCreated} are written in one exactly-once transaction, so a shipment is never
 * stored without its event or announced twice.
 */
final class ShipmentProcessor implements Processor<String, OrderStateChanged, String, ShipmentCreated> {

    private static final Logger log = LoggerFactory.getLogger(ShipmentProcessor.class);

    private final Clock clock;
    private ProcessorContext<String, ShipmentCreated> context;
    private KeyValueStore<String, Shipment> shipments;

    ShipmentProcessor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, ShipmentCreated> context) {
        this.context = context;
        this.shipments = context.getStateStore(FulfillmentTopology.SHIPMENTS_STORE);
    }

    @Override
    public void process(Record<String, OrderStateChanged> record) {
        String orderId = record.key();
        MDC.put("orderId", orderId);
        try {
            ShipmentStep step = ShipmentRules.onOrderChanged(shipments.get(orderId), record.value(), clock.instant());
            if (step.next() != null) {
                shipments.put(orderId, step.next());
                log.debug("shipment {} of order {} is {}", step.next().shipmentId(), orderId, step.next().status());
            }
            if (step.event() != null) {
                context.forward(record.withValue(step.event()).withTimestamp(step.event().createdAt().toEpochMilli()));
            }
        } finally {
            MDC.remove("orderId");
        }
    }
}
