package io.orderflow.payment.api;

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


    private final AccountCommands commands;
    private final AccountReads reads;

    AccountsController(AccountCommands commands, AccountReads reads) {
        this.commands = commands;
        this.reads = reads;
    }

    @PutMapping(path = "/accounts/{customerId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<?>> setBalance(
            @PathVariable @ValidId String customerId,
            @Valid @RequestBody SetBalanceRequest request) {
        return commands.setBalance(customerId, request.balance());
    }

    @GetMapping("/accounts/{customerId}")
    ResponseEntity<?> get(@PathVariable @ValidId String customerId,
            HttpServletRequest request) {
        return reads.get(customerId, request);
    }
}
