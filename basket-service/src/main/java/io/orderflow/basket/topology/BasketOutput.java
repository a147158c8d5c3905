package io.orderflow.basket.topology;

import io.orderflow.events.basket.BasketCheckedOut;
import io.orderflow.events.command.CommandResult;

/** What the basket processor emits: a checkout for {@code basket-checkouts} or an answer to a command. */
sealed interface BasketOutput {

    record Checkout(BasketCheckedOut checkout) implements BasketOutput {
    }

    record Reply(CommandResult result) implements BasketOutput {
    }
}
