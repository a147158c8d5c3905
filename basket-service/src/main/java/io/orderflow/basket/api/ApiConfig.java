package io.orderflow.basket.api;

import io.orderflow.basket.query.BasketQueries;
import io.orderflow.events.basket.BasketCommand;
import io.orderflow.service.command.CommandGateway;
import io.orderflow.service.query.InstanceForwarder;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's collaborators; package-private classes, so they are built here rather than scanned. */
@Configuration(proxyBeanMethods = false)
class ApiConfig {

    @Bean
    BasketReads basketReads(BasketQueries queries, InstanceForwarder forwarder) {
        return new BasketReads(queries, forwarder);
    }

    @Bean
    BasketCommands basketCommands(CommandGateway<BasketCommand> gateway, BasketReads reads, Clock clock) {
        return new BasketCommands(gateway, reads, clock);
    }
}
