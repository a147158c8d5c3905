package io.orderflow.events.payment;

import io.orderflow.events.EventType;
import io.orderflow.events.Ids;
import io.orderflow.events.Money;
import java.math.BigDecimal;
import java.util.Objects;

/** Sets a customer's balance. Refused (CONFLICT) when below the amount already held. */
@EventType("SetBalance")
public record SetBalance(String commandId, String customerId, BigDecimal balance) implements AccountCommand {

    public SetBalance {
        Objects.requireNonNull(commandId, "commandId");
        Ids.require(customerId, "customerId");
        balance = Money.of(Objects.requireNonNull(balance, "balance"));
        if (balance.signum() < 0) {
            throw new IllegalArgumentException("balance must not be negative");
        }
    }

    @Override
    public Kind kind() {
        return Kind.SET_BALANCE;
    }
}
