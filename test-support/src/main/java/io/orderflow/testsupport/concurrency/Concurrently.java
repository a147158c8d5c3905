package io.orderflow.testsupport.concurrency;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/** Runs the same call from many threads at once, as concurrent clients would, and returns every answer. */
public final class Concurrently {

    private Concurrently() {
    }

    /** {@code clients} calls of {@code call}, each on its own thread; the answers in call order. */
    public static <T> List<T> call(int clients, Supplier<T> call) {
        return call(clients, clients, i -> call.get());
    }

    /** Calls {@code call} with 0..calls-1 on {@code threads} threads; the answers in call order. */
    public static <T> List<T> call(int calls, int threads, IntFunction<T> call) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<CompletableFuture<T>> running = IntStream.range(0, calls)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> call.apply(i), pool)).toList();
            return running.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
    }
}
