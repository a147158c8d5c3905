package io.orderflow.events.order;

import io.orderflow.events.EventType;
import io.orderflow.events.command.Idempotency;
import java.util.Objects;

/**
 * A {@code POST /orders} with an {@code Idempotency-Key} that names its own order id, on its way to that order.
 * It is written to {@code order-commands} under the key's derived id ({@link Idempotency#derivedId()}), not
 * under the order id: so every request with one key, whatever order it names (or none, which is then the
 * derived id), passes through one partition, and a key reused for another order is caught there.
 * orders-service then passes the {@link PlaceOrder} on under its order id, where it is applied.
 *
 * <p>A type of its own, so a reader that does not know it dead-letters it rather than taking it for a
 * {@code PlaceOrder} keyed by something other than its order id.
 */
@EventType("PlaceOrderViaKey")
public record PlaceOrderViaKey(PlaceOrder command) implements OrderCommand {

    public PlaceOrderViaKey {
        Objects.requireNonNull(command, "command");
        if (command.idempotency() == null) {
            throw new IllegalArgumentException("only a command with an Idempotency-Key goes via its key");
        }
    }

    @Override
    public String commandId() {
        return command.commandId();
    }

    @Override
    public String orderId() {
        return command.orderId();
    }

    @Override
    public Idempotency idempotency() {
        return command.idempotency();
    }

    /** The key of its record on {@code order-commands}: the partition every request with its key passes. */
    public String routingKey() {
        return command.idempotency().derivedId();
    }

    @Override
    public Kind kind() {
        return Kind.PLACE_VIA_KEY;
    }
}
