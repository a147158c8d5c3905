package io.orderflow.orders.query;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Wakes long-polls when their order changes. The order processor calls {@link #changed} after it stores a
 * change; a waiting request holds a future, not a thread. Futures are removed when completed or abandoned,
 * so nothing accumulates for orders nobody waits on.
 */
public final class OrderChangeNotifier {

    private final Map<String, List<CompletableFuture<Void>>> waiters = new ConcurrentHashMap<>();

    /** A future completed at the next change of the order. Register before reading, so no change slips between. */
    public CompletableFuture<Void> nextChange(String orderId) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        waiters.computeIfAbsent(orderId, id -> new CopyOnWriteArrayList<>()).add(future);
        future.whenComplete((ignored, error) -> remove(orderId, future));
        return future;
    }

    public void changed(String orderId) {
        List<CompletableFuture<Void>> waiting = waiters.remove(orderId);
        if (waiting != null) {
            waiting.forEach(f -> f.complete(null));
        }
    }

    /** Wakes every waiter, e.g. after a rebalance, when orders may have moved to another instance. */
    public void changedAll() {
        waiters.keySet().forEach(this::changed);
    }

    int waiting() {
        return waiters.values().stream().mapToInt(List::size).sum();
    }

    private void remove(String orderId, CompletableFuture<Void> future) {
        waiters.computeIfPresent(orderId, (id, list) -> {
            list.remove(future);
            return list.isEmpty() ? null : list;
        });
    }
}
