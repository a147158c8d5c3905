package io.orderflow.payment.api;

import io.orderflow.events.payment.AccountCommand;
import io.orderflow.payment.query.AccountQueries;
import io.orderflow.service.command.CommandGateway;
import io.orderflow.service.query.InstanceForwarder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's collaborators; package-private classes, so they are built here rather than scanned. */
@Configuration(proxyBeanMethods = false)
class ApiConfig {

    @Bean
    AccountReads accountReads(AccountQueries queries, InstanceForwarder forwarder) {
        return new AccountReads(queries, forwarder);
    }

    @Bean
    AccountCommands accountCommands(CommandGateway<AccountCommand> gateway, AccountReads reads) {
        return new AccountCommands(gateway, reads);
    }
}
