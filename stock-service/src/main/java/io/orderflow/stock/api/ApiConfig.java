package io.orderflow.stock.api;

import io.orderflow.events.stock.StockCommand;
import io.orderflow.service.command.CommandGateway;
import io.orderflow.service.query.InstanceForwarder;
import io.orderflow.service.query.KeyedReads;
import io.orderflow.service.query.StoreQueries;
import io.orderflow.stock.domain.StockLevel;
import io.orderflow.stock.topology.StockTopology;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's collaborators; package-private classes, so they are built here rather than scanned. */
@Configuration(proxyBeanMethods = false)
class ApiConfig {

    @Bean
    KeyedReads<StockLevel> stockReads(StoreQueries stores, InstanceForwarder forwarder) {
        return new KeyedReads<>(stores, forwarder, StockTopology.STOCK_STORE, StockController.LEVEL, StockView::answer);
    }

    @Bean
    StockCommands stockCommands(CommandGateway<StockCommand> gateway, KeyedReads<StockLevel> reads) {
        return new StockCommands(gateway, reads);
    }

    @Bean
    StockAccessRules stockAccessRules() {
        return new StockAccessRules();
    }
}
