package io.orderflow.basket.domain;

import io.orderflow.events.basket.AddBasketItem;
import io.orderflow.events.basket.BasketCheckedOut;
import io.orderflow.events.basket.BasketCommand;
import io.orderflow.events.basket.CheckoutBasket;
import io.orderflow.events.basket.RemoveBasketItem;
import io.orderflow.events.command.CommandResult;
import io.orderflow.events.command.CommandStatus;
import io.orderflow.events.order.OrderLine;
import java.util.ArrayList;
import java.util.List;

/**
 * The basket rules, as plain functions of (stored basket, command). No Kafka, no Spring: the topology feeds
 * commands in and writes the {@link BasketStep} out. A missing basket is an empty one.
 */
public final class BasketRules {

    private BasketRules() {
    }

    public static BasketStep apply(Basket current, BasketCommand command) {
        Basket basket = current != null ? current : Basket.empty(command.customerId());
        // Each cast is to the type of its kind (BasketCommand.Kind).
        return switch (command.kind()) {
            case ADD_ITEM -> add(basket, (AddBasketItem) command);
            case REMOVE_ITEM -> remove(basket, (RemoveBasketItem) command);
            case CHECKOUT -> checkout(basket, (CheckoutBasket) command);
        };
    }

    /**
     * Adds a line, or adds to the product's line and takes the newest price; refuses a line over
     * {@link OrderLine#MAX_QUANTITY} units and a line beyond {@link Basket#MAX_LINES}.
     */
    static BasketStep add(Basket basket, AddBasketItem command) {
        if (command.unitPrice().signum() < 0) {
            // The API never sends this; a hand-written command gets an answer instead of a dead letter.
            return conflict(command, "unitPrice must not be negative");
        }
        List<OrderLine> lines = new ArrayList<>(basket.lines());
        int index = basket.indexOf(command.productId());
        long quantity = (long) command.quantity() + (index < 0 ? 0 : lines.get(index).quantity());
        if (quantity > OrderLine.MAX_QUANTITY) {
            return conflict(command, "product '" + command.productId() + "' would have " + quantity
                    + " units; a basket line holds at most " + OrderLine.MAX_QUANTITY);
        }
        OrderLine line = new OrderLine(command.productId(), (int) quantity, command.unitPrice());
        if (index >= 0) {
            lines.set(index, line);
        } else if (lines.size() >= Basket.MAX_LINES) {
            return conflict(command, "the basket already has " + Basket.MAX_LINES + " lines, the most it can hold");
        } else {
            lines.add(line);
        }
        return new BasketStep(basket.withLines(lines), null, applied(command));
    }

    static BasketStep remove(Basket basket, RemoveBasketItem command) {
        int index = basket.indexOf(command.productId());
        if (index < 0) {
            return BasketStep.reply(CommandResult.of(command.commandId(), command.customerId(), CommandStatus.NOT_FOUND,
                    "product '" + command.productId() + "' is not in the basket of customer '" + command.customerId() + "'"));
        }
        List<OrderLine> lines = new ArrayList<>(basket.lines());
        lines.remove(index);
        return new BasketStep(basket.withLines(lines), null, applied(command));
    }

    /**
     * Turns the lines into a {@link BasketCheckedOut} for order {@code orderId} and empties the basket. The same
     * command delivered again is answered as the first time, without a second order.
     */
    static BasketStep checkout(Basket basket, CheckoutBasket command) {
        LastCheckout last = basket.lastCheckout();
        if (last != null && last.commandId().equals(command.commandId())) {
            return BasketStep.reply(checkedOut(command));
        }
        if (basket.lines().isEmpty()) {
            return conflict(command, "the basket is empty");
        }
        BasketCheckedOut checkout = new BasketCheckedOut(command.commandId(), command.orderId(), command.customerId(),
                basket.lines(), command.requestedAt());
        Basket emptied = new Basket(basket.customerId(), List.of(), new LastCheckout(command.commandId(), command.orderId()));
        return new BasketStep(emptied, checkout, checkedOut(command));
    }

    /** An applied checkout is about the order it makes: a repeat of the request is answered with that order's id. */
    private static CommandResult checkedOut(CheckoutBasket command) {
        return CommandResult.applied(command.commandId(), command.orderId());
    }

    private static CommandResult applied(BasketCommand command) {
        return CommandResult.applied(command.commandId(), command.customerId());
    }

    private static BasketStep conflict(BasketCommand command, String detail) {
        return BasketStep.reply(CommandResult.of(command.commandId(), command.customerId(), CommandStatus.CONFLICT, detail));
    }
}
