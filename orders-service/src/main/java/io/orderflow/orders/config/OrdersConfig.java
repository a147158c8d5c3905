package io.orderflow.orders.config;

import io.orderflow.events.order.OrderCommand;
import io.orderflow.events.topics.Topics;
import io.orderflow.orders.query.OrderChangeNotifier;
import io.orderflow.orders.query.OrderQueries;
import io.orderflow.orders.topology.OrderMetrics;
import io.orderflow.orders.topology.OrdersTopology;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.service.command.CommandGateway;
import io.orderflow.service.config.OrderflowProperties;
import io.orderflow.service.query.StoreQueries;
import io.orderflow.service.streams.KafkaStreamsHealth;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires orders-service: its topology, its command gateway and its queries. Constructors, no magic. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrdersProperties.class)
public class OrdersConfig {

    @Bean
    OrderChangeNotifier orderChangeNotifier(KafkaStreamsHealth streams) {
        OrderChangeNotifier notifier = new OrderChangeNotifier();
        // After a rebalance a waiting long-poll re-checks where its order lives, and follows it if it moved.
        streams.onRunning(notifier::changedAll);
        return notifier;
    }

    @Bean
    OrdersTopology ordersTopology(StreamsBuilder builder, OrderChangeNotifier changes, MeterRegistry registry,
            OrdersProperties properties, OrderflowProperties shared, Clock clock) {
        OrdersTopology topology = new OrdersTopology(changes::changed, new OrderMetrics(registry),
                properties.analytics().grace(), shared.orderTimeout(), clock);
        topology.build(builder);
        return topology;
    }

    @Bean
    CommandGateway<OrderCommand> orderCommandGateway(OrderflowProperties properties, Clock clock) {
        return CommandGateway.of(Topics.ORDER_COMMANDS, Topics.ORDER_COMMAND_RESULTS, properties, clock);
    }

    @Bean
    OrderQueries orderQueries(StoreQueries stores, OrderChangeNotifier changes, Clock clock) {
        return new OrderQueries(stores, changes, clock);
    }
}
