package io.orderflow.stock.api;

import io.orderflow.service.security.Caller;
import io.orderflow.service.query.KeyedReads;
import io.orderflow.service.web.ValidId;
import io.orderflow.stock.domain.StockLevel;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /stock/{productId}}: set the units on hand, read the level. */
@RestController
class StockController {

    /** A product's level: read here, and asked of the instance holding the product for a write's answer. */
    static final String LEVEL = "/stock/{productId}";

    private final StockCommands commands;
    private final KeyedReads<StockLevel> reads;

    StockController(StockCommands commands, KeyedReads<StockLevel> reads) {
        this.commands = commands;
        this.reads = reads;
    }

    @PutMapping(path = LEVEL, consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<?>> set(
            @PathVariable @ValidId String productId,
            @Valid @RequestBody SetStockRequest request, Caller caller) {
        return commands.set(productId, request, caller);
    }

    @GetMapping(LEVEL)
    ResponseEntity<?> get(@PathVariable @ValidId String productId,
            HttpServletRequest request) {
        return reads.get(productId, request);
    }
}
