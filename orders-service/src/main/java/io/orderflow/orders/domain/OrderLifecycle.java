package io.orderflow.orders.domain;

import io.orderflow.events.command.CommandResult;
import io.orderflow.events.command.CommandStatus;
import io.orderflow.events.order.CancelOrder;
import io.orderflow.events.order.CheckType;
import io.orderflow.events.order.Order;
import io.orderflow.events.order.OrderCheckCompleted;
import io.orderflow.events.order.OrderLine;
import io.orderflow.events.order.OrderState;
import io.orderflow.events.order.OrderStateChanged;
import io.orderflow.events.order.PlaceOrder;
import io.orderflow.events.order.Rejection;
import io.orderflow.events.order.RejectionReason;
import io.orderflow.events.payment.CapturePayment;
import io.orderflow.events.payment.HoldPayment;
import io.orderflow.events.payment.PaymentRequest;
import io.orderflow.events.payment.ReleasePayment;
import io.orderflow.events.shipment.ShipmentCreated;
import io.orderflow.events.stock.DeductStock;
import io.orderflow.events.stock.ReleaseStock;
import io.orderflow.events.stock.ReserveStock;
import io.orderflow.events.stock.StockRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The order state machine and the saga it coordinates, as plain functions of (stored record, input, now). No
 * Kafka, no Spring: the topology only feeds inputs in and writes the {@link Step} out, so every rule here is
 * unit-tested alone.
 *
 * <pre>
 * CREATED --every product reserved and the total held--> VALIDATED --shipment--> SHIPPED
 * CREATED --any check failed----------------------------> REJECTED
 * CREATED --not decided within the order timeout--------> REJECTED (TIMED_OUT, service orders)
 * CREATED | VALIDATED --cancel--------------------------> CANCELLED
 * </pre>
 *
 * Each step also says what to ask of stock (per product) and payment: a new order asks both to take what it
 * needs; a rejection or cancellation gives back exactly what they confirmed, also when a confirmation arrives
 * after the order was decided; a shipment takes it for good. Each request is made once, in the same
 * exactly-once transaction as the state change that causes it.
 */
public final class OrderLifecycle {

    /** How many unanswered products a timeout's detail names. */
    private static final int NAMED_PRODUCTS = 3;

    private OrderLifecycle() {
    }

    /** Creates the order, or recognises a repeat: the same body is a DUPLICATE, a different one a CONFLICT. */
    public static Step place(OrderRecord current, PlaceOrder command) {
        if (current == null) {
            Instant createdAt = millis(command.requestedAt());
            Order order = new Order(command.orderId(), command.customerId(), command.items(),
                    Order.totalOf(command.items()), OrderState.CREATED, List.of(), createdAt, createdAt, null);
            return new Step(OrderRecord.created(order, command.commandId()), event(order, null),
                    CommandResult.applied(command.commandId(), command.orderId()),
                    stockRequests(order, OrderRecord.unitsByProduct(order).keySet(), ReserveStock::new), hold(order));
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

    /**
     * Records a verdict: stock's on one product (or, from a version-1 stock-service, on all of them) or
     * payment's. The order moves when the verdict decides it.
     */
    public static Step check(OrderRecord current, OrderCheckCompleted verdict, Instant now) {
        if (current == null) {
            return Step.nothing();
        }
        Order order = current.order();
        Collection<String> products = verdict.check() == CheckType.STOCK
                ? verdict.productId() != null ? List.of(verdict.productId()) : OrderRecord.unitsByProduct(order).keySet()
                : List.of();
        if (verdict.passed()) {
            return passed(current, verdict.check(), products, now);
        }
        return switch (order.state()) {
            case CREATED -> {
                Order rejected = transition(order, OrderState.REJECTED, now, verdict.rejections(), null);
                yield giveBack(current, rejected);
            }
            case REJECTED -> {
                if (timedOut(order)) {
                    // Too late: the order was decided without this check, so its reason is none of the order's.
                    yield Step.nothing();
                }
                // A later failing check adds its reason; the order stays rejected since the first verdict.
                List<Rejection> all = new ArrayList<>(order.rejections());
                verdict.rejections().stream().filter(r -> !all.contains(r)).forEach(all::add);
                yield all.size() == order.rejections().size() ? Step.nothing() : Step.store(current.with(
                        new Order(order.id(), order.customerId(), order.items(), order.total(), order.state(), all,
                                order.createdAt(), order.updatedAt(), order.shipmentId())));
            }
            case VALIDATED, SHIPPED, CANCELLED -> Step.nothing();
        };
    }

    private static Step passed(OrderRecord current, CheckType check, Collection<String> products, Instant now) {
        Order order = current.order();
        boolean payment = check == CheckType.PAYMENT;
        List<String> fresh = products.stream().filter(p -> !current.reserved().contains(p)).toList();
        if (payment ? current.held() : fresh.isEmpty()) {
            return Step.nothing(); // a verdict seen before
        }
        return switch (order.state()) {
            case CREATED -> {
                OrderRecord taken = payment ? current.withHeld() : current.withReserved(fresh);
                if (!taken.everythingTaken()) {
                    yield Step.store(taken);
                }
                Order validated = transition(order, OrderState.VALIDATED, now, order.rejections(), null);
                yield new Step(taken.with(validated), event(validated, order.state()), null, List.of(), null);
            }
            // Taken after the order was decided: give it straight back.
            case REJECTED, CANCELLED -> new Step(null, null, null,
                    payment ? List.of() : stockRequests(order, fresh, ReleaseStock::new),
                    payment ? new ReleasePayment(order.id(), order.customerId(), order.total()) : null);
            case VALIDATED, SHIPPED -> Step.nothing();
        };
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
        Step step = giveBack(current, cancelled);
        return new Step(step.next(), step.event(), CommandResult.applied(command.commandId(), command.orderId()),
                step.stock(), step.payment());
    }

    /**
     * The order timeout has passed since the order was created: one still CREATED is rejected by orders-service
     * ({@code TIMED_OUT}) and gives back what stock and payment confirmed, as any rejection does; verdicts that
     * arrive later change nothing but give back what they took. Any other state is left as it is.
     */
    public static Step timedOut(OrderRecord current, Duration timeout, Instant now) {
        if (current == null || current.order().state() != OrderState.CREATED) {
            return Step.nothing();
        }
        Rejection rejection = new Rejection(CheckType.ORDERS, RejectionReason.TIMED_OUT,
                "not decided within " + timeout + ": no answer from " + unanswered(current));
        return giveBack(current, transition(current.order(), OrderState.REJECTED, now, List.of(rejection), null));
    }

    /** Whether the order was rejected by its timeout rather than by a check. */
    static boolean timedOut(Order order) {
        return order.rejections().stream().anyMatch(r -> r.reason() == RejectionReason.TIMED_OUT);
    }

    /** Which checks an open order still waits for, for the rejection's detail: "stock for p-2 and payment". */
    private static String unanswered(OrderRecord current) {
        List<String> products = OrderRecord.unitsByProduct(current.order()).keySet().stream()
                .filter(p -> !current.reserved().contains(p)).toList();
        List<String> missing = new ArrayList<>(2);
        if (!products.isEmpty()) {
            // At most a few ids: an order has up to 100 lines, and the detail travels with every read of it.
            String named = String.join(", ", products.subList(0, Math.min(products.size(), NAMED_PRODUCTS)));
            missing.add("stock for " + named + (products.size() > NAMED_PRODUCTS
                    ? " (+" + (products.size() - NAMED_PRODUCTS) + " more)" : ""));
        }
        if (!current.held()) {
            missing.add("payment");
        }
        return String.join(" and ", missing);
    }

    /** A shipment ships a validated order; for any other state (a cancel won the race) it changes nothing. */
    public static Step shipped(OrderRecord current, ShipmentCreated shipment, Instant now) {
        if (current == null || current.order().state() != OrderState.VALIDATED) {
            return Step.nothing();
        }
        Order order = current.order();
        Order shipped = transition(order, OrderState.SHIPPED, now, order.rejections(), shipment.shipmentId());
        return new Step(current.settled(shipped), event(shipped, order.state()), null,
                stockRequests(order, current.reserved(), DeductStock::new),
                new CapturePayment(order.id(), order.customerId(), order.total()));
    }

    /** The order is decided against: release whatever stock and payment confirmed so far. */
    private static Step giveBack(OrderRecord current, Order decided) {
        Order order = current.order();
        return new Step(current.settled(decided), event(decided, order.state()), null,
                stockRequests(order, current.reserved(), ReleaseStock::new),
                current.held() ? new ReleasePayment(order.id(), order.customerId(), order.total()) : null);
    }

    private interface StockRequestFactory {
        StockRequest of(String orderId, String productId, int quantity);
    }

    private static List<StockRequest> stockRequests(Order order, Collection<String> products,
            StockRequestFactory request) {
        // In the order's line order, whatever the order of the set.
        List<StockRequest> requests = new ArrayList<>(products.size());
        OrderRecord.unitsByProduct(order).forEach((productId, units) -> {
            if (products.contains(productId)) {
                requests.add(request.of(order.id(), productId, units));
            }
        });
        return requests;
    }

    private static PaymentRequest hold(Order order) {
        int units = order.items().stream().mapToInt(OrderLine::quantity).sum();
        return new HoldPayment(order.id(), order.customerId(), order.total(), order.createdAt(),
                order.items().size(), units);
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
