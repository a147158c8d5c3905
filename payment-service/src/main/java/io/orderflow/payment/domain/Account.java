package io.orderflow.payment.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.orderflow.events.Ids;
import io.orderflow.events.Money;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * What payment keeps of one customer, the value of the accounts store; constant size, whatever the number of
 * open orders or of orders in the last hour. A customer who ordered without ever being funded has a value too
 * (no balance), because every order counts for fraud.
 *
 * @param balance     set through the API; null when the customer was never funded (no account: 404, UNKNOWN_CUSTOMER)
 * @param held        the running total of the holds of the customer's open orders
 * @param fraudWindow the orders of the last hour as a running sum; null until the first hold computes it from
 *                    the recent-orders store (a value written before it was kept here, or a new customer)
 */
public record Account(String customerId, BigDecimal balance, BigDecimal held, FraudWindow fraudWindow) {

    public Account {
        Ids.require(customerId, "customerId");
        balance = balance == null ? null : Money.of(balance);
        held = Money.of(Objects.requireNonNull(held, "held"));
    }

    /**
     * Reads a stored value, also in the layout before holds were a running total:
     * {@code {"customerId":"c-1","balance":500.00,"holds":{"o-1":39.98}}}: held is the sum of the holds, and
     * the fraud window is left to be computed.
     */
    @JsonCreator
    static Account stored(@JsonProperty("customerId") String customerId, @JsonProperty("balance") BigDecimal balance,
            @JsonProperty("held") BigDecimal held, @JsonProperty("holds") Map<String, BigDecimal> holds,
            @JsonProperty("fraudWindow") FraudWindow fraudWindow) {
        if (held == null) {
            held = holds == null ? Money.ZERO
                    : holds.values().stream().map(Money::of).reduce(Money.ZERO, BigDecimal::add);
        }
        return new Account(customerId, balance, held, fraudWindow);
    }

    public static Account open(String customerId, BigDecimal balance) {
        return new Account(customerId, Objects.requireNonNull(balance, "balance"), Money.ZERO, null);
    }

    /** A customer payment has seen only through orders. */
    static Account unfunded(String customerId) {
        return new Account(customerId, null, Money.ZERO, null);
    }

    /** Whether the customer has an account, that is a balance set through the API. */
    public boolean funded() {
        return balance != null;
    }

    /** What a new order may still hold; never negative, as a hold or balance that would make it so is refused. */
    public BigDecimal available() {
        return funded() ? balance.subtract(held) : Money.ZERO;
    }

    Account withBalance(BigDecimal newBalance) {
        return new Account(customerId, newBalance, held, fraudWindow);
    }

    Account withHeld(BigDecimal newHeld) {
        return new Account(customerId, balance, newHeld, fraudWindow);
    }

    Account withFraudWindow(FraudWindow window) {
        return new Account(customerId, balance, held, window);
    }
}
