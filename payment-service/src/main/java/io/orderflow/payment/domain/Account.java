package io.orderflow.payment.domain;

import io.orderflow.events.Ids;
import io.orderflow.events.Money;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A customer's account: the balance set through the API and the amounts held for open orders, by order id.
 * Holds are kept per order, never as one running sum, so releasing or capturing an order twice cannot
 * change the account twice. The value of the accounts store.
 */
public record Account(String customerId, BigDecimal balance, Map<String, BigDecimal> holds) {

    public Account {
        Ids.require(customerId, "customerId");
        balance = Money.of(Objects.requireNonNull(balance, "balance"));
        TreeMap<String, BigDecimal> sorted = new TreeMap<>();
        if (holds != null) {
            holds.forEach((orderId, amount) -> sorted.put(orderId, Money.of(amount)));
        }
        holds = Collections.unmodifiableMap(sorted);
    }

    public static Account open(String customerId, BigDecimal balance) {
        return new Account(customerId, balance, Map.of());
    }

    /** The sum of all holds. */
    public BigDecimal held() {
        return Money.of(holds.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** What a new order may still hold; never negative, because a hold or a balance change that would make it so is refused. */
    public BigDecimal available() {
        return balance.subtract(held());
    }

    public Optional<BigDecimal> holdOf(String orderId) {
        return Optional.ofNullable(holds.get(orderId));
    }

    Account withBalance(BigDecimal newBalance) {
        return new Account(customerId, newBalance, holds);
    }

    Account withHold(String orderId, BigDecimal amount) {
        TreeMap<String, BigDecimal> next = new TreeMap<>(holds);
        next.put(orderId, amount);
        return new Account(customerId, balance, next);
    }

    Account withoutHold(String orderId) {
        TreeMap<String, BigDecimal> next = new TreeMap<>(holds);
        next.remove(orderId);
        return new Account(customerId, balance, next);
    }
}
