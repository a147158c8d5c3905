package io.orderflow.orders.domain;

import io.orderflow.events.command.CommandResult;
import io.orderflow.events.command.CommandStatus;
import io.orderflow.events.order.CancelOrder;
import io.orderflow.events.order.Order;
import io.orderflow.events.order.OrderCheckCompleted;
import io.orderflow.events.order.OrderLine;
import io.orderflow.events.order.OrderState;
import io.orderflow.events.order.OrderStateChanged;
import io.orderflow.events.order.PlaceOrder;
import io.orderflow.events.order.Rejection;
import io.orderflow.events.shipment.ShipmentCreated;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The order state machine, as plain functions of (stored record, input, now). No Kafka, no Spring: the
 * topology only feeds inputs in and writes the {@link Step} out, so every rule here is unit-tested alone.
 *
 * <pre>
 * CREATED --all checks passed--> VALIDATED --shipment--> SHIPPED
 * CREATED --any check failed---> REJECTED
 * CREATED | VALIDATED --cancel--> CANCELLED
 * </pre>
 */
public final class OrderLifecycle {

    private OrderLifecycle() {
    }

    /** Creates the order, or recognises a repeat: the same body is a DUPLICATE, a different one a CONFLICT. */
    public static Step place(OrderRecord current, PlaceOrder command) {
        if (current == null) {
            Instant createdAt = millis(command.requestedAt());
            Order order = new Order(command.orderId(), command.customerId(), command.items(),
                    Order.totalOf(command.items()), OrderState.CREATED, List.of(), createdAt, createdAt, null);
            return new Step(new OrderRecord(order, command.commandId(), null), event(order, null),
                    CommandResult.applied(command.commandId(), command.orderId()));
        }
        if (current.placedBy().equals(command.commandId())) {
            // The same command delivered twice: answer as the first time.
            return Step.reply(CommandResult.applied(command.commandId(), command.orderId()));
        }
        boolean same = sameBody(current.order(), command.customerId(), command.items());
        return Step.reply(CommandResult.of(command.commandId(), command.orderId(),
                same ? CommandStatus.DUPLICATE : CommandStatus.CONFLICT,
                same ? "" : "order " + command.orderId() + " already exists with a different body"));
    }

    /** Records a check's verdict; the order moves when the verdict decides it. */
    public static Step check(OrderRecord current, OrderCheckCompleted result, Instant now) {
        if (current == null) {
            return Step.nothing();
        }
        Order order = current.order();
        if (result.passed()) {
            OrderRecord passed = current.withPassed(result.check());
            if (order.state() == OrderState.CREATED && passed.allChecksPassed()) {
                Order validated = transition(order, OrderState.VALIDATED, now, order.rejections(), null);
                return new Step(passed.with(validated), event(validated, order.state()), null);
            }
            return new Step(passed, null, null);
        }
        if (order.state() == OrderState.CREATED) {
            Order rejected = transition(order, OrderState.REJECTED, now, result.rejections(), null);
            return new Step(current.with(rejected), event(rejected, order.state()), null);
        }
        if (order.state() == OrderState.REJECTED) {
            // A later failing check adds its reason; the order stays rejected since the first verdict.
            List<Rejection> all = new ArrayList<>(order.rejections());
            result.rejections().stream().filter(r -> !all.contains(r)).forEach(all::add);
            Order more = new Order(order.id(), order.customerId(), order.items(), order.total(), order.state(), all,
                    order.createdAt(), order.updatedAt(), order.shipmentId());
            return new Step(current.with(more), null, null);
        }
        return Step.nothing();
    }

    /** Cancels an open order; a final one (shipped, rejected, cancelled) stays as it is and the answer says why. */
    public static Step cancel(OrderRecord current, CancelOrder command, Instant now) {
        if (current == null) {
            return Step.reply(CommandResult.of(command.commandId(), command.orderId(), CommandStatus.NOT_FOUND,
                    "no order with id '" + command.orderId() + "'"));
        }
        Order order = current.order();
        if (order.state().isFinal()) {
            return Step.reply(CommandResult.of(command.commandId(), command.orderId(), CommandStatus.CONFLICT,
                    "order " + order.id() + " is " + order.state() + " and can no longer be cancelled"));
        }
        Order cancelled = transition(order, OrderState.CANCELLED, now, order.rejections(), null);
        return new Step(current.with(cancelled), event(cancelled, order.state()),
                CommandResult.applied(command.commandId(), command.orderId()));
    }

    /** A shipment ships a validated order; for any other state (a cancel won the race) it changes nothing. */
    public static Step shipped(OrderRecord current, ShipmentCreated shipment, Instant now) {
        if (current == null || current.order().state() != OrderState.VALIDATED) {
            return Step.nothing();
        }
        Order order = current.order();
        Order shipped = transition(order, OrderState.SHIPPED, now, order.rejections(), shipment.shipmentId());
        return new Step(current.with(shipped), event(shipped, order.state()), null);
    }

    /** Same customer and the same lines in the same order, prices compared numerically (3.0 equals 3.00). */
    static boolean sameBody(Order order, String customerId, List<OrderLine> items) {
        if (!order.customerId().equals(customerId) || order.items().size() != items.size()) {
            return false;
        }
        for (int i = 0; i < items.size(); i++) {
            OrderLine a = order.items().get(i);
            OrderLine b = items.get(i);
            if (!a.productId().equals(b.productId()) || a.quantity() != b.quantity()
                    || a.unitPrice().compareTo(b.unitPrice()) != 0) {
                return false;
            }
        }
        return true;
    }

    private static Order transition(Order order, OrderState state, Instant now, List<Rejection> rejections,
            String shipmentId) {
        // updatedAt never goes before createdAt, even if this host's clock is behind the one that created it.
        Instant at = millis(now).isBefore(order.createdAt()) ? order.createdAt() : millis(now);
        return new Order(order.id(), order.customerId(), order.items(), order.total(), state, rejections,
                order.createdAt(), at, shipmentId == null ? order.shipmentId() : shipmentId);
    }

    /** Each state is reached once per order, so order id and state identify the event, also when replayed. */
    private static OrderStateChanged event(Order order, OrderState previous) {
        return new OrderStateChanged(order.id() + "/" + order.state(), order, previous);
    }

    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
