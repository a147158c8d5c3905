package io.orderflow.stock.api;

import io.orderflow.service.web.ValidId;
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


    private final StockCommands commands;
    private final StockReads reads;

    StockController(StockCommands commands, StockReads reads) {
        this.commands = commands;
        this.reads = reads;
    }

    @PutMapping(path = "/stock/{productId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<?>> set(
            @PathVariable @ValidId String productId,
            @Valid @RequestBody SetStockRequest request) {
        return commands.set(productId, request);
    }

    @GetMapping("/stock/{productId}")
    ResponseEntity<?> get(@PathVariable @ValidId String productId,
            HttpServletRequest request) {
        return reads.get(productId, request);
    }
}
