package io.orderflow.orders.api;

import io.orderflow.service.security.Caller;
import io.orderflow.events.order.Order;
import io.orderflow.events.order.OrderState;
import io.orderflow.orders.domain.OrderRecord;
import io.orderflow.orders.query.OrderQueries;
import io.orderflow.orders.topology.OrdersTopology;
import io.orderflow.service.query.InstanceForwarder;
import io.orderflow.service.query.InstanceShares;
import io.orderflow.service.query.KeyLookup;
import io.orderflow.service.query.KeyedReads;
import io.orderflow.service.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Answers reads of orders: from this instance's stores, or by asking the instance that holds the key. */
final class OrderReads {

    private final OrderQueries queries;
    private final KeyedReads<OrderRecord> orders;
    private final InstanceForwarder forwarder;
    private final InstanceShares shares;
    private final Duration maxWait;
    private final JsonMapper json;

    OrderReads(OrderQueries queries, KeyedReads<OrderRecord> orders, InstanceForwarder forwarder,
            InstanceShares shares, Duration maxWait, JsonMapper json) {
        this.queries = queries;
        this.orders = orders;
        this.forwarder = forwarder;
        this.shares = shares;
        this.maxWait = maxWait;
        this.json = json;
    }

    /** The order now, wherever it is held, as {@code caller} sees it; 404 problem when unknown (or not theirs). */
    ResponseEntity<?> current(String orderId, Caller caller) {
        return orders.current(orderId, caller);
    }

    /** Where the order is read: the {@code Location} of a {@code 201}. */
    URI location(String orderId) {
        return URI.create(orders.pathOf(orderId));
    }

    /**
     * The {@code 201} a keyed {@code POST /orders} was first answered with, for a repeat: the order as it was
     * created ({@link OrderView#asCreated}), wherever it is held. An instance that cannot answer is answered as is.
     */
    ResponseEntity<?> asCreated(String orderId, Caller caller) {
        ResponseEntity<?> now = current(orderId, caller);
        if (!now.getStatusCode().is2xxSuccessful()) {
            return now;
        }
        OrderView order = now.getBody() instanceof byte[] fetched ? json.readValue(fetched, OrderView.class)
                : (OrderView) now.getBody();
        return ResponseEntity.created(location(orderId)).body(order.asCreated());
    }

    /**
     * {@code GET /orders/{id}}, with the long-poll: with {@code until}, answer once the order is in that
     * state or a final one; with only {@code timeoutMs}, once it exists; either way at the latest after the wait.
     */
    CompletableFuture<ResponseEntity<?>> get(String orderId, OrderState until, Long timeoutMs,
            HttpServletRequest request, Caller caller) {
        KeyLookup<OrderRecord> lookup = queries.order(orderId);
        if (lookup instanceof KeyLookup.Remote<OrderRecord> remote) {
            return CompletableFuture.completedFuture(forwarder.forward(remote.host(), request));
        }
        OrderRecord held = ((KeyLookup.Local<OrderRecord>) lookup).value();
        boolean mayWait = held == null || caller.mayActFor(held.order().customerId());
        if ((until == null && timeoutMs == null) || !mayWait) {
            // Another customer's order is answered at once, as an unknown one: no waiting on its changes.
            return CompletableFuture.completedFuture(current(orderId, caller));
        }
        Duration wait = timeoutMs == null ? maxWait : Duration.ofMillis(Math.min(timeoutMs, maxWait.toMillis()));
        Predicate<Optional<Order>> done = until == null ? OrderQueries.exists() : OrderQueries.reached(until);
        return queries.await(orderId, done, wait).thenApply(waited -> {
            if (waited instanceof OrderQueries.Waited.Moved moved) {
                // The order moved during a rebalance: go on waiting on the instance that holds it now.
                return forwarder.fetch(moved.host(), orders.pathOf(orderId) + "?timeoutMs=" + moved.left().toMillis()
                        + (until == null ? "" : "&until=" + until), caller);
            }
            return ((OrderQueries.Waited.Here) waited).order()
                    .filter(o -> caller.mayActFor(o.customerId()))
                    .<ResponseEntity<?>>map(o -> ResponseEntity.ok(OrderView.of(o)))
                    .orElseThrow(() -> ApiException.notFound("Order", orderId));
        });
    }

    /**
     * {@code GET /orders?customerId=}: a page of the customer's orders, newest first, at most {@code limit},
     * strictly after {@code cursor} (null: from the newest). Every instance holds a share of the customer's
     * orders and gives at most {@code limit + 1} of them, so the merged list tells whether there is more; if
     * so, the answer's {@code Link} header names the next page.
     */
    ResponseEntity<?> byCustomer(String customerId, int limit, CustomerListCursor cursor, HttpServletRequest request) {
        String after = cursor == null ? null : cursor.position();
        List<OrderView> orders = shares.gather(OrdersTopology.CUSTOMER_ORDERS_STORE, request,
                () -> queries.customerOrdersLocal(customerId, after, limit + 1).stream().map(OrderView::of).toList(),
                new TypeReference<List<OrderView>>() { });
        if (InstanceShares.asksLocalShare(request)) {
            // One share, limit + 1 long at most: the asking instance merges the shares and cuts the page.
            return ResponseEntity.ok(orders);
        }
        List<OrderView> sorted = orders.stream().sorted(OrderView.IN_LIST_ORDER).toList();
        if (sorted.size() <= limit) {
            return ResponseEntity.ok(sorted);
        }
        List<OrderView> page = sorted.subList(0, limit);
        return ResponseEntity.ok()
                .header(HttpHeaders.LINK, nextPageLink(customerId, limit, CustomerListCursor.after(page.get(limit - 1))))
                .body(page);
    }

    /**
     * The RFC 8288 link to the page after {@code cursor}, as a path relative to the service, so it stays right
     * behind a proxy or gateway that rewrites the host.
     */
    static String nextPageLink(String customerId, int limit, CustomerListCursor cursor) {
        String next = UriComponentsBuilder.fromPath("/orders").queryParam("customerId", customerId)
                .queryParam("limit", limit).queryParam("cursor", cursor.encoded()).encode().build().toUriString();
        return "<" + next + ">; rel=\"next\"";
    }
}
