package io.orderflow.basket.config;

import io.orderflow.basket.topology.BasketTopology;
import io.orderflow.events.basket.BasketCommand;
import io.orderflow.events.topics.Topics;
import io.orderflow.service.command.CommandGateway;
import io.orderflow.service.config.OrderflowProperties;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires basket-service: its topology and its command gateway. Constructors, no magic. */
@Configuration(proxyBeanMethods = false)
public class BasketConfig {

    @Bean
    BasketTopology basketTopology(StreamsBuilder builder) {
        BasketTopology topology = new BasketTopology();
        topology.build(builder);
        return topology;
    }

    @Bean
    CommandGateway<BasketCommand> basketCommandGateway(OrderflowProperties properties, Clock clock) {
        return CommandGateway.of(Topics.BASKET_COMMANDS, Topics.BASKET_COMMAND_RESULTS, properties, clock);
    }
}
