package io.orderflow.orders.api;

import io.orderflow.service.security.Caller;
import io.orderflow.events.command.CommandResult;
import io.orderflow.events.command.CommandStatus;
import io.orderflow.events.command.Idempotency;
import io.orderflow.events.order.CancelOrder;
import io.orderflow.events.order.Order;
import io.orderflow.events.order.OrderCommand;
import io.orderflow.events.order.PlaceOrder;
import io.orderflow.events.order.PlaceOrderViaKey;
import io.orderflow.orders.domain.OrderLifecycle;
import io.orderflow.orders.domain.OrderRecord;
import io.orderflow.orders.query.OrderQueries;
import io.orderflow.service.command.CommandGateway;
import io.orderflow.service.idempotency.IdempotencyKey;
import io.orderflow.service.query.KeyLookup;
import io.orderflow.service.web.ApiException;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Turns order requests into commands and the topology's answers into HTTP answers. Every state change goes
 * through the orders topology, so two racing requests for one order id are decided in one place.
 */
final class OrderCommands {

    private final CommandGateway<OrderCommand> gateway;
    private final OrderQueries queries;
    private final OrderReads reads;
    private final Clock clock;

    OrderCommands(CommandGateway<OrderCommand> gateway, OrderQueries queries, OrderReads reads, Clock clock) {
        this.gateway = gateway;
        this.queries = queries;
        this.reads = reads;
        this.clock = clock;
    }

    /**
     * With an {@code Idempotency-Key} and no id, the order id is derived from the key, so every retry names (and
     * is sent to) the same order. A keyed request is never answered by the local pre-check: only the topology
     * knows the key's first answer.
     */
    CompletableFuture<ResponseEntity<?>> place(PlaceOrderRequest request, IdempotencyKey key, Caller caller) {
        Idempotency idempotency = key == null ? null : key.of(request);
        String orderId = request.id() != null ? request.id()
                : idempotency != null ? idempotency.derivedId() : UUID.randomUUID().toString();
        PlaceOrder command = new PlaceOrder(UUID.randomUUID().toString(), orderId, request.customerId(),
                request.items().stream().map(OrderLineRequest::toLine).toList(), clock.instant(), idempotency);
        ResponseEntity<?> repeat = idempotency == null ? answerRepeatLocally(command) : null;
        if (repeat != null) {
            return CompletableFuture.completedFuture(repeat);
        }
        // Answers are built off the listener thread: a DUPLICATE or a replay may need a read from another instance.
        return send(command).thenApplyAsync(result -> switch (result.status()) {
            case APPLIED -> result.replayed() ? reads.asCreated(orderId, caller) : created(command);
            case DUPLICATE -> reads.current(orderId, caller);
            case CONFLICT -> throw conflict(result);
            case KEY_REUSED -> throw IdempotencyKey.reused(result);
            case NOT_FOUND -> throw new IllegalStateException("place cannot answer NOT_FOUND");
        });
    }

    /**
     * Under its order id; a keyed command that names another order than its key's goes via the key's partition
     * first, where every request with that key is checked ({@link PlaceOrderViaKey}).
     */
    private CompletableFuture<CommandResult> send(PlaceOrder command) {
        Idempotency key = command.idempotency();
        if (key == null || key.derivedId().equals(command.orderId())) {
            return gateway.send(command.orderId(), command.commandId(), command);
        }
        PlaceOrderViaKey viaKey = new PlaceOrderViaKey(command);
        return gateway.send(viaKey.routingKey(), command.commandId(), viaKey);
    }

    /** A repeated id this instance holds is answered without writing anything to Kafka. */
    private ResponseEntity<?> answerRepeatLocally(PlaceOrder command) {
        KeyLookup<OrderRecord> lookup = queries.order(command.orderId());
        if (lookup instanceof KeyLookup.Local<OrderRecord> local && local.value() != null) {
            var step = OrderLifecycle.place(local.value(), command);
            if (step.reply().status() == CommandStatus.CONFLICT) {
                throw conflict(step.reply());
            }
            return ResponseEntity.ok(OrderView.of(local.value().order()));
        }
        return null;
    }

    private ResponseEntity<?> created(PlaceOrder command) {
        // The order as the topology created it: the same function, so the body is what the store holds.
        Order order = OrderLifecycle.place(null, command).next().order();
        return ResponseEntity.created(reads.location(order.id())).body(OrderView.of(order));
    }

    /**
     * A repeat of a keyed cancel gets the first answer; a cancelled order no longer changes, so its body too. A
     * customer's cancel of an order that is not theirs is answered as of an unknown one, before anything is written.
     */
    CompletableFuture<ResponseEntity<?>> cancel(String orderId, IdempotencyKey key, Caller caller) {
        if (!caller.isAdmin()) {
            ResponseEntity<?> seen = reads.current(orderId, caller);
            if (!seen.getStatusCode().is2xxSuccessful()) {
                return CompletableFuture.completedFuture(seen);
            }
        }
        CancelOrder command = new CancelOrder(UUID.randomUUID().toString(), orderId, clock.instant(),
                key == null ? null : key.of(null));
        return gateway.send(orderId, command.commandId(), command).thenApplyAsync(result -> switch (result.status()) {
            case APPLIED -> ResponseEntity.status(HttpStatus.ACCEPTED).body(reads.current(orderId, caller).getBody());
            case NOT_FOUND -> throw ApiException.notFound("Order", orderId);
            case CONFLICT, DUPLICATE -> throw conflict(result);
            case KEY_REUSED -> throw IdempotencyKey.reused(result);
        });
    }

    private static ApiException conflict(CommandResult result) {
        return ApiException.conflict(result.detail());
    }
}
