package io.orderflow.fulfillment.topology;

import static io.orderflow.events.topics.Topics.ORDERS;
import static io.orderflow.events.topics.Topics.SHIPMENTS;

import io.orderflow.fulfillment.domain.Shipment;
import io.orderflow.service.streams.StateStores;
import io.orderflow.service.streams.TopicSources;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Named;

/**
 * Fulfillment-service's Kafka Streams application, one pipeline:
 * <pre>
 * orders --(order id)--> shipment-fulfilment [shipments-store] --(order id)--> shipments
 * </pre>
 * Every event of an order lands in one partition and one processor, so the check "does this order already
 * have a shipment?" and the shipment it creates are decided one event at a time per order.
 */
public final class FulfillmentTopology {

    public static final String SHIPMENTS_STORE = "shipments-store";

    private final Clock clock;

    public FulfillmentTopology(Clock clock) {
        this.clock = clock;
    }

    public void build(StreamsBuilder builder) {
        builder.addStateStore(StateStores.keyValue(SHIPMENTS_STORE, Shipment.class).withCachingEnabled());

        TopicSources.stream(builder, ORDERS)
                .process(() -> new ShipmentProcessor(clock), Named.as("shipment-fulfilment"), SHIPMENTS_STORE)
                .to(SHIPMENTS.name(), SHIPMENTS.produced());
    }
}
