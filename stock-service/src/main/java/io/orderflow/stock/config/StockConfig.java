package io.orderflow.stock.config;

import io.orderflow.events.stock.StockCommand;
import io.orderflow.events.topics.Topics;
import io.orderflow.service.command.CommandGateway;
import io.orderflow.service.config.OrderflowProperties;
import io.orderflow.stock.topology.StockTopology;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires stock-service: its topology and its command gateway. Constructors, no magic. */
@Configuration(proxyBeanMethods = false)
public class StockConfig {

    @Bean
    StockTopology stockTopology(StreamsBuilder builder, Clock clock) {
        StockTopology topology = new StockTopology(clock);
        topology.build(builder);
        return topology;
    }

    @Bean
    CommandGateway<StockCommand> stockCommandGateway(OrderflowProperties properties, Clock clock) {
        return CommandGateway.of(Topics.STOCK_COMMANDS, Topics.STOCK_COMMAND_RESULTS, properties, clock);
    }
}
