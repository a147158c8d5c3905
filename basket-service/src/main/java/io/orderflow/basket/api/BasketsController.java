package io.orderflow.basket.api;

import io.orderflow.service.security.Caller;
import io.orderflow.basket.domain.Basket;
import io.orderflow.service.idempotency.IdempotencyKey;
import io.orderflow.service.query.KeyedReads;
import io.orderflow.service.web.ValidId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /baskets/{customerId}}: read, add, remove, check out. */
@RestController
class BasketsController {

    /** The basket's route: read here, and asked of the instance holding the customer for a write's answer. */
    static final String BASKET = "/baskets/{customerId}";

    private final BasketCommands commands;
    private final KeyedReads<Basket> reads;

    BasketsController(BasketCommands commands, KeyedReads<Basket> reads) {
        this.commands = commands;
        this.reads = reads;
    }

    @GetMapping(BASKET)
    ResponseEntity<?> get(@PathVariable @ValidId String customerId,
            HttpServletRequest request) {
        return reads.get(customerId, request);
    }

    @PostMapping(path = "/baskets/{customerId}/items", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<?>> add(
            @PathVariable @ValidId String customerId,
            @Valid @RequestBody AddItemRequest request, IdempotencyKey key, Caller caller) {
        return commands.add(customerId, request, key, caller);
    }

    @DeleteMapping("/baskets/{customerId}/items/{productId}")
    CompletableFuture<ResponseEntity<?>> remove(
            @PathVariable @ValidId String customerId,
            @PathVariable @ValidId String productId, Caller caller) {
        return commands.remove(customerId, productId, caller);
    }

    @PostMapping("/baskets/{customerId}/checkout")
    CompletableFuture<ResponseEntity<?>> checkout(
            @PathVariable @ValidId String customerId, IdempotencyKey key) {
        return commands.checkout(customerId, key);
    }
}
