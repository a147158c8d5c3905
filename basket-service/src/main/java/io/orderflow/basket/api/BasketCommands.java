package io.orderflow.basket.api;

import io.orderflow.service.security.Caller;
import io.orderflow.basket.domain.Basket;
import io.orderflow.events.basket.AddBasketItem;
import io.orderflow.events.basket.BasketCommand;
import io.orderflow.events.basket.CheckoutBasket;
import io.orderflow.events.basket.RemoveBasketItem;
import io.orderflow.events.command.CommandResult;
import io.orderflow.service.command.CommandGateway;
import io.orderflow.service.idempotency.IdempotencyKey;
import io.orderflow.service.query.KeyedReads;
import io.orderflow.service.web.ApiException;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Turns basket requests into commands and the topology's answers into HTTP answers. Every change goes
 * through the basket topology, so racing requests on one basket are decided in one place, in order.
 */
final class BasketCommands {

    private final CommandGateway<BasketCommand> gateway;
    private final KeyedReads<Basket> reads;
    private final Clock clock;

    BasketCommands(CommandGateway<BasketCommand> gateway, KeyedReads<Basket> reads, Clock clock) {
        this.gateway = gateway;
        this.reads = reads;
        this.clock = clock;
    }

    /** A repeat of a keyed add is answered with the basket as it is now: the add is not applied again. */
    CompletableFuture<ResponseEntity<?>> add(String customerId, AddItemRequest request, IdempotencyKey key,
            Caller caller) {
        AddBasketItem command = new AddBasketItem(newId(), customerId, request.productId(), request.quantity(),
                request.unitPrice(), key == null ? null : key.of(request));
        return send(command).thenApplyAsync(result -> switch (result.status()) {
            case APPLIED -> reads.current(customerId, caller);
            case CONFLICT -> throw ApiException.conflict(result.detail());
            case KEY_REUSED -> throw IdempotencyKey.reused(result);
            case NOT_FOUND, DUPLICATE -> throw unexpected(result);
        });
    }

    CompletableFuture<ResponseEntity<?>> remove(String customerId, String productId, Caller caller) {
        RemoveBasketItem command = new RemoveBasketItem(newId(), customerId, productId);
        return send(command).thenApplyAsync(result -> switch (result.status()) {
            case APPLIED -> reads.current(customerId, caller);
            case NOT_FOUND -> throw new ApiException(HttpStatus.NOT_FOUND, "Basket item not found", result.detail());
            case CONFLICT, DUPLICATE, KEY_REUSED -> throw unexpected(result);
        });
    }

    /**
     * The order id is chosen here, so the answer can name the order before orders-service has made it. A repeat
     * of a keyed checkout names the order of the first (the answer's entity), not the id chosen for the repeat.
     */
    CompletableFuture<ResponseEntity<?>> checkout(String customerId, IdempotencyKey key) {
        CheckoutBasket command = new CheckoutBasket(newId(), customerId, UUID.randomUUID().toString(), clock.instant(),
                key == null ? null : key.of(null));
        return send(command).thenApply(result -> switch (result.status()) {
            case APPLIED -> ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(new CheckoutView(result.replayed() ? result.entityId() : command.orderId()));
            case CONFLICT -> throw ApiException.conflict(result.detail());
            case KEY_REUSED -> throw IdempotencyKey.reused(result);
            case NOT_FOUND, DUPLICATE -> throw unexpected(result);
        });
    }

    private CompletableFuture<CommandResult> send(BasketCommand command) {
        return gateway.send(command.customerId(), command.commandId(), command);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private static IllegalStateException unexpected(CommandResult result) {
        return new IllegalStateException("basket topology answered " + result.status() + " to " + result.commandId());
    }
}
