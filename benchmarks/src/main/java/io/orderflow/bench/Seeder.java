package io.orderflow.bench;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/** Sets stock and balances through the services' own APIs before the load starts, as the admin client. */
final class Seeder {

    private static final int CONCURRENCY = 16;
    private static final int ATTEMPTS = 5;

    private final HttpClient http;
    private final BenchTokens tokens;

    Seeder(HttpClient http, BenchTokens tokens) {
        this.http = http;
        this.tokens = tokens;
    }

    /** @return how many PUTs it made; throws when one is not answered 200 after a few attempts */
    int seed(String stockUrl, Map<String, Long> stock, String paymentUrl, Map<String, BigDecimal> balances)
            throws InterruptedException {
        Semaphore slots = new Semaphore(CONCURRENCY);
        List<CompletableFuture<Void>> puts = new ArrayList<>();
        for (var entry : stock.entrySet()) {
            slots.acquire();
            puts.add(put(URI.create(stockUrl + "/stock/" + entry.getKey()),
                    "{\"quantity\":" + entry.getValue() + "}", ATTEMPTS).whenComplete((r, e) -> slots.release()));
        }
        for (var entry : balances.entrySet()) {
            slots.acquire();
            puts.add(put(URI.create(paymentUrl + "/accounts/" + entry.getKey()),
                    "{\"balance\":" + entry.getValue().toPlainString() + "}", ATTEMPTS)
                    .whenComplete((r, e) -> slots.release()));
        }
        CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)).join();
        return puts.size();
    }

    private CompletableFuture<Void> put(URI uri, String json, int attemptsLeft) {
        HttpRequest request = tokens.asAdmin(HttpRequest.newBuilder(uri)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
            if (response.statusCode() == 200) {
                return CompletableFuture.completedFuture(null);
            }
            // 503: a service that just became ready may still be finding its partitions' leaders.
            if (response.statusCode() == 503 && attemptsLeft > 1) {
                return put(uri, json, attemptsLeft - 1);
            }
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "PUT " + uri + " answered " + response.statusCode() + ": " + response.body()));
        });
    }
}
