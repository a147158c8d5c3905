package io.orderflow.payment.api;

import io.orderflow.events.payment.AccountCommand;
import io.orderflow.payment.domain.Account;
import io.orderflow.payment.topology.PaymentTopology;
import io.orderflow.service.command.CommandGateway;
import io.orderflow.service.query.InstanceForwarder;
import io.orderflow.service.query.KeyedReads;
import io.orderflow.service.query.StoreQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's collaborators; package-private classes, so they are built here rather than scanned. */
@Configuration(proxyBeanMethods = false)
class ApiConfig {

    @Bean
    KeyedReads<Account> accountReads(StoreQueries stores, InstanceForwarder forwarder) {
        return new KeyedReads<>(stores, forwarder, PaymentTopology.ACCOUNTS_STORE, AccountsController.ACCOUNT,
                AccountView::answer);
    }

    @Bean
    AccountCommands accountCommands(CommandGateway<AccountCommand> gateway, KeyedReads<Account> reads) {
        return new AccountCommands(gateway, reads);
    }

    @Bean
    AccountAccessRules accountAccessRules() {
        return new AccountAccessRules();
    }
}
