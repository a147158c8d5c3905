package io.orderflow.stock.api;

import io.orderflow.events.stock.StockCommand;
import io.orderflow.service.command.CommandGateway;
import io.orderflow.service.query.InstanceForwarder;
import io.orderflow.stock.query.StockQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's collaborators; package-private classes, so they are built here rather than scanned. */
@Configuration(proxyBeanMethods = false)
class ApiConfig {

    @Bean
    StockReads stockReads(StockQueries queries, InstanceForwarder forwarder) {
        return new StockReads(queries, forwarder);
    }

    @Bean
    StockCommands stockCommands(CommandGateway<StockCommand> gateway, StockReads reads) {
        return new StockCommands(gateway, reads);
    }
}
