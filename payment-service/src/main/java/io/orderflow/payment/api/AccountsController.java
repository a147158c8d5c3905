package io.orderflow.payment.api;

import io.orderflow.service.security.Caller;
import io.orderflow.payment.domain.Account;
import io.orderflow.service.query.KeyedReads;
import io.orderflow.service.web.ValidId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /accounts/{customerId}}: set the balance, read balance, held and available. */
@RestController
class AccountsController {

    /** The account's route: read here, and asked of the instance holding the customer for a write's answer. */
    static final String ACCOUNT = "/accounts/{customerId}";

    private final AccountCommands commands;
    private final KeyedReads<Account> reads;

    AccountsController(AccountCommands commands, KeyedReads<Account> reads) {
        this.commands = commands;
        this.reads = reads;
    }

    @PutMapping(path = ACCOUNT, consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<?>> setBalance(
            @PathVariable @ValidId String customerId,
            @Valid @RequestBody SetBalanceRequest request, Caller caller) {
        return commands.setBalance(customerId, request.balance(), caller);
    }

    @GetMapping(ACCOUNT)
    ResponseEntity<?> get(@PathVariable @ValidId String customerId,
            HttpServletRequest request) {
        return reads.get(customerId, request);
    }
}
