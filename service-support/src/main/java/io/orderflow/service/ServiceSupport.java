package io.orderflow.service;

import io.orderflow.service.command.CommandGateway;
import io.orderflow.service.command.CommandResultsHealth;
import io.orderflow.service.config.ClockAutoConfiguration;
import io.orderflow.service.config.KafkaStreamsSetup;
import io.orderflow.service.config.OrderflowProperties;
import io.orderflow.service.query.InstanceForwarder;
import io.orderflow.service.query.InstanceShares;
import io.orderflow.service.query.StoreQueries;
import io.orderflow.service.web.WebSetup;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every service imports: {@code @Import(ServiceSupport.class)} on its application class. Explicit on
 * purpose: a reader of a service sees where its Kafka Streams, web and query set-up, and its {@code Clock},
 * come from.
 */
@Configuration(proxyBeanMethods = false)
@Import({KafkaStreamsSetup.class, WebSetup.class})
@ImportAutoConfiguration(ClockAutoConfiguration.class)
public class ServiceSupport {

    @Bean
    StoreQueries storeQueries(StreamsBuilderFactoryBean streams, OrderflowProperties properties,
            @Value("${server.port}") int port) {
        return new StoreQueries(streams, new HostInfo(properties.advertisedHost(), port));
    }

    @Bean
    InstanceShares instanceShares(StoreQueries stores, InstanceForwarder forwarder, JsonMapper json) {
        return new InstanceShares(stores, forwarder, json);
    }

    /** Contributor {@code commandResults}: in the readiness group, so an instance that cannot answer writes gets none. */
    @Bean
    CommandResultsHealth commandResultsHealthIndicator(ObjectProvider<CommandGateway<?>> gateways) {
        return new CommandResultsHealth(gateways);
    }

    @Bean
    InstanceForwarder instanceForwarder() {
        return new InstanceForwarder(Duration.ofSeconds(35));
    }
}
