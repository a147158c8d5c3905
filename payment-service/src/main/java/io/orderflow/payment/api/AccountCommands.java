package io.orderflow.payment.api;

import io.orderflow.service.security.Caller;
import io.orderflow.events.payment.AccountCommand;
import io.orderflow.events.payment.SetBalance;
import io.orderflow.payment.domain.Account;
import io.orderflow.service.command.CommandGateway;
import io.orderflow.service.query.KeyedReads;
import io.orderflow.service.web.ApiException;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.ResponseEntity;

/**
 * Turns balance changes into commands and the topology's answers into HTTP answers. The balance is set by
 * the task that also places holds, so a PUT racing with orders is checked against what is really held.
 */
final class AccountCommands {

    private final CommandGateway<AccountCommand> gateway;
    private final KeyedReads<Account> reads;

    AccountCommands(CommandGateway<AccountCommand> gateway, KeyedReads<Account> reads) {
        this.gateway = gateway;
        this.reads = reads;
    }

    CompletableFuture<ResponseEntity<?>> setBalance(String customerId, BigDecimal balance, Caller caller) {
        SetBalance command = new SetBalance(UUID.randomUUID().toString(), customerId, balance);
        // Async: reading the account back may ask another instance, which must not block the results listener.
        return gateway.send(customerId, command.commandId(), command).thenApplyAsync(result -> switch (result.status()) {
            case APPLIED, DUPLICATE -> reads.current(customerId, caller);
            case CONFLICT -> throw ApiException.conflict(result.detail());
            // A PUT carries no Idempotency-Key, so KEY_REUSED cannot come back either.
            case NOT_FOUND, KEY_REUSED ->
                    throw new IllegalStateException("setting a balance cannot answer " + result.status());
        });
    }
}
