package io.orderflow.stock.api;

import io.orderflow.service.security.Caller;
import io.orderflow.events.stock.SetStock;
import io.orderflow.events.stock.StockCommand;
import io.orderflow.service.command.CommandGateway;
import io.orderflow.service.query.KeyedReads;
import io.orderflow.service.web.ApiException;
import io.orderflow.stock.domain.StockLevel;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.ResponseEntity;

/**
 * Turns stock requests into commands and the topology's answers into HTTP answers. The check against the
 * reserved units is made by the task that owns the product, so it cannot race with a reservation.
 */
final class StockCommands {

    private final CommandGateway<StockCommand> gateway;
    private final KeyedReads<StockLevel> reads;

    StockCommands(CommandGateway<StockCommand> gateway, KeyedReads<StockLevel> reads) {
        this.gateway = gateway;
        this.reads = reads;
    }

    CompletableFuture<ResponseEntity<?>> set(String productId, SetStockRequest request, Caller caller) {
        SetStock command = new SetStock(UUID.randomUUID().toString(), productId, request.quantity());
        return gateway.send(productId, command.commandId(), command).thenApply(result -> switch (result.status()) {
            // The answer is read after the commit, so the store already holds (at least) this change.
            case APPLIED -> reads.current(productId, caller);
            case CONFLICT -> throw ApiException.conflict(result.detail());
            // A PUT carries no Idempotency-Key, so KEY_REUSED cannot come back either.
            case DUPLICATE, NOT_FOUND, KEY_REUSED ->
                    throw new IllegalStateException("setting stock cannot answer " + result.status());
        });
    }
}
