package io.orderflow.payment.api;

import io.orderflow.events.Ids;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
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

    private static final String ID_MESSAGE = "must be 1-64 characters of [A-Za-z0-9._:-]";

    private final AccountCommands commands;
    private final AccountReads reads;

    AccountsController(AccountCommands commands, AccountReads reads) {
        this.commands = commands;
        this.reads = reads;
    }

    @PutMapping(path = "/accounts/{customerId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<?>> setBalance(
            @PathVariable @Pattern(regexp = Ids.REGEX, message = ID_MESSAGE) String customerId,
            @Valid @RequestBody SetBalanceRequest request) {
        return commands.setBalance(customerId, request.balance());
    }

    @GetMapping("/accounts/{customerId}")
    ResponseEntity<?> get(@PathVariable @Pattern(regexp = Ids.REGEX, message = ID_MESSAGE) String customerId,
            HttpServletRequest request) {
        return reads.get(customerId, request);
    }
}
