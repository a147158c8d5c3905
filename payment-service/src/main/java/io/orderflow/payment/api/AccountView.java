package io.orderflow.payment.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.orderflow.payment.domain.Account;
import io.orderflow.service.web.ApiException;
import java.math.BigDecimal;
import org.springframework.http.ResponseEntity;

/** The body of {@code GET/PUT /accounts/{customerId}}: {@code available = balance - held}. */
@JsonPropertyOrder({"customerId", "balance", "held", "available"})
record AccountView(String customerId, BigDecimal balance, BigDecimal held, BigDecimal available) {

    static AccountView of(Account account) {
        return new AccountView(account.customerId(), account.balance(), account.held(), account.available());
    }

    /** {@code GET /accounts/{customerId}} read here; 404 problem when the customer has no account. */
    static ResponseEntity<?> answer(String customerId, Account account) {
        // A customer who only ordered has a value (its fraud window) but no account.
        if (account == null || !account.funded()) {
            throw ApiException.notFound("Account", customerId);
        }
        return ResponseEntity.ok(of(account));
    }
}
