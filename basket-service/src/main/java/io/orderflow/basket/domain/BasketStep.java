package io.orderflow.basket.domain;

import io.orderflow.events.basket.BasketCheckedOut;
import io.orderflow.events.command.CommandResult;
import java.util.Objects;

/**
 * The outcome of one command on one basket: the basket to store (null: leave it as it is), the checkout to
 * publish (null: none) and the answer, which every basket command gets.
 */
public record BasketStep(Basket next, BasketCheckedOut checkout, CommandResult reply) {

    public BasketStep {
        Objects.requireNonNull(reply, "reply");
    }

    static BasketStep reply(CommandResult reply) {
        return new BasketStep(null, null, reply);
    }
}
