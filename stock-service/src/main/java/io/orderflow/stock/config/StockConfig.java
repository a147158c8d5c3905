package io.orderflow.stock.config;

import io.orderflow.events.stock.StockCommand;
import io.orderflow.events.topics.Topics;
import io.orderflow.service.command.CommandGateway;
import io.orderflow.service.config.OrderflowProperties;
import io.orderflow.service.query.StoreQueries;
import io.orderflow.stock.query.StockQueries;
import io.orderflow.stock.topology.StockTopology;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires stock-service: its topology, its command gateway and its queries. Constructors, no magic. */
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
        return new CommandGateway<>(Topics.STOCK_COMMANDS, Topics.STOCK_COMMAND_RESULTS,
                properties.kafka().clientProperties(), Duration.ofMillis(properties.commandTimeoutMs()),
                clock);
    }

    @Bean
    StockQueries stockQueries(StoreQueries stores) {
        return new StockQueries(stores);
    }
}
