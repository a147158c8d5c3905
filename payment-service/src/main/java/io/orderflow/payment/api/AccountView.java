package io.orderflow.payment.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.orderflow.payment.domain.Account;
import java.math.BigDecimal;

/** The body of {@code GET/PUT /accounts/{customerId}}: {@code available = balance - held}. */
@JsonPropertyOrder({"customerId", "balance", "held", "available"})
record AccountView(String customerId, BigDecimal balance, BigDecimal held, BigDecimal available) {

    static AccountView of(Account account) {
        return new AccountView(account.customerId(), account.balance(), account.held(), account.available());
    }
}
