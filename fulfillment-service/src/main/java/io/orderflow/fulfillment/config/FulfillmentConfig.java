package io.orderflow.fulfillment.config;

import io.orderflow.fulfillment.topology.FulfillmentTopology;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires fulfillment-service: its topology. Constructors, no magic. */
@Configuration(proxyBeanMethods = false)
public class FulfillmentConfig {

    @Bean
    FulfillmentTopology fulfillmentTopology(StreamsBuilder builder, Clock clock) {
        FulfillmentTopology topology = new FulfillmentTopology(clock);
        topology.build(builder);
        return topology;
    }
}
