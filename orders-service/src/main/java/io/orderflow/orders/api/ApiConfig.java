package io.orderflow.orders.api;

import io.orderflow.events.order.OrderCommand;
import io.orderflow.orders.config.OrdersProperties;
import io.orderflow.orders.domain.OrderRecord;
import io.orderflow.orders.query.OrderQueries;
import io.orderflow.orders.topology.OrdersTopology;
import io.orderflow.service.command.CommandGateway;
import io.orderflow.service.query.InstanceForwarder;
import io.orderflow.service.query.InstanceShares;
import io.orderflow.service.query.KeyedReads;
import io.orderflow.service.query.StoreQueries;
import java.time.Clock;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's collaborators; package-private classes, so they are built here rather than scanned. */
@Configuration(proxyBeanMethods = false)
class ApiConfig {

    @Bean
    OrderReads orderReads(OrderQueries queries, StoreQueries stores, InstanceForwarder forwarder,
            InstanceShares shares, OrdersProperties properties, JsonMapper json) {
        KeyedReads<OrderRecord> orders = new KeyedReads<>(stores, forwarder, OrdersTopology.ORDERS_STORE,
                OrdersController.ORDER, OrderView::answer,
                (caller, record) -> caller.mayActFor(record.order().customerId()));
        return new OrderReads(queries, orders, forwarder, shares, properties.longPoll().maxWait(), json);
    }

    @Bean
    OrderCommands orderCommands(CommandGateway<OrderCommand> gateway, OrderQueries queries, OrderReads reads,
            Clock clock) {
        return new OrderCommands(gateway, queries, reads, clock);
    }

    @Bean
    OrderAccessRules orderAccessRules() {
        return new OrderAccessRules();
    }
}
