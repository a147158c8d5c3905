package io.orderflow.payment.config;

import io.orderflow.events.payment.AccountCommand;
import io.orderflow.events.topics.Topics;
import io.orderflow.payment.domain.FraudPolicy;
import io.orderflow.payment.domain.PaymentRules;
import io.orderflow.payment.topology.PaymentTopology;
import io.orderflow.service.command.CommandGateway;
import io.orderflow.service.config.OrderflowProperties;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires payment-service: its rules and topology and its command gateway. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentProperties.class)
public class PaymentConfig {

    @Bean
    PaymentRules paymentRules(PaymentProperties properties) {
        return new PaymentRules(new FraudPolicy(properties.fraud().hourlyLimit()));
    }

    @Bean
    PaymentTopology paymentTopology(StreamsBuilder builder, PaymentRules rules, Clock clock) {
        PaymentTopology topology = new PaymentTopology(rules, clock);
        topology.build(builder);
        return topology;
    }

    @Bean
    CommandGateway<AccountCommand> accountCommandGateway(OrderflowProperties properties, Clock clock) {
        return CommandGateway.of(Topics.ACCOUNT_COMMANDS, Topics.ACCOUNT_COMMAND_RESULTS, properties, clock);
    }
}
