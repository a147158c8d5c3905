package io.orderflow.basket.api;

import io.orderflow.basket.domain.Basket;
import io.orderflow.basket.topology.BasketTopology;
import io.orderflow.events.basket.BasketCommand;
import io.orderflow.service.command.CommandGateway;
import io.orderflow.service.query.InstanceForwarder;
import io.orderflow.service.query.KeyedReads;
import io.orderflow.service.query.StoreQueries;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's collaborators; package-private classes, so they are built here rather than scanned. */
@Configuration(proxyBeanMethods = false)
class ApiConfig {

    @Bean
    KeyedReads<Basket> basketReads(StoreQueries stores, InstanceForwarder forwarder) {
        return new KeyedReads<>(stores, forwarder, BasketTopology.BASKETS_STORE, BasketsController.BASKET,
                BasketView::answer);
    }

    @Bean
    BasketCommands basketCommands(CommandGateway<BasketCommand> gateway, KeyedReads<Basket> reads, Clock clock) {
        return new BasketCommands(gateway, reads, clock);
    }

    @Bean
    BasketAccessRules basketAccessRules() {
        return new BasketAccessRules();
    }
}
