package io.orderflow.orders.api;

import io.orderflow.service.security.Caller;
import io.orderflow.events.order.OrderState;
import io.orderflow.service.idempotency.IdempotencyKey;
import io.orderflow.service.web.ValidId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /orders}: place, read (with long-poll), cancel, list by customer. */
@RestController
class OrdersController {

    /** Page sizes of a customer's order list: what a page holds unless asked, and the most it may hold. */
    private static final String DEFAULT_LIMIT = "100";
    private static final int MAX_LIMIT = 1_000;
    /** An order's route: read here, its {@code Location}, and asked of the instance holding it for a write's answer. */
    static final String ORDER = "/orders/{id}";

    private final OrderCommands commands;
    private final OrderReads reads;

    OrdersController(OrderCommands commands, OrderReads reads) {
        this.commands = commands;
        this.reads = reads;
    }

    @PostMapping(path = "/orders", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<?>> place(@Valid @RequestBody PlaceOrderRequest request, IdempotencyKey key,
            Caller caller) {
        // After the body's own checks (a bad body is a 400 whoever sends it), before anything is written.
        caller.requireActingFor(request.customerId());
        return commands.place(request, key, caller);
    }

    @GetMapping(ORDER)
    CompletableFuture<ResponseEntity<?>> get(@PathVariable @ValidId String id,
            @RequestParam(required = false) OrderState until,
            @RequestParam(required = false) @Min(0) Long timeoutMs,
            HttpServletRequest request, Caller caller) {
        return reads.get(id, until, timeoutMs, request, caller);
    }

    @PostMapping("/orders/{id}/cancel")
    CompletableFuture<ResponseEntity<?>> cancel(@PathVariable @ValidId String id, IdempotencyKey key,
            Caller caller) {
        return commands.cancel(id, key, caller);
    }

    @GetMapping("/orders")
    ResponseEntity<?> byCustomer(@RequestParam @ValidId String customerId,
            @RequestParam(defaultValue = DEFAULT_LIMIT) @Min(1) @Max(MAX_LIMIT) int limit,
            @RequestParam(required = false) String cursor,
            HttpServletRequest request, Caller caller) {
        caller.requireActingFor(customerId);
        return reads.byCustomer(customerId, limit, cursor == null ? null : CustomerListCursor.decode(cursor), request);
    }
}
