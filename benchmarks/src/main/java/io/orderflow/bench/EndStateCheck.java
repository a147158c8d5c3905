package io.orderflow.bench;

import io.orderflow.events.serde.EventJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Reads the stock and balances the suite ended with (as the admin client) and compares them with what the orders imply. */
final class EndStateCheck {

    private final HttpClient http;
    private final BenchTokens tokens;
    private final String stockUrl;
    private final String paymentUrl;

    EndStateCheck(HttpClient http, BenchTokens tokens, String stockUrl, String paymentUrl) {
        this.http = http;
        this.tokens = tokens;
        this.stockUrl = stockUrl;
        this.paymentUrl = paymentUrl;
    }

    /**
     * Captures and deductions follow SHIPPED asynchronously, so it re-reads the mismatches until they match
     * or {@code timeout} passes; what still differs then is returned.
     */
    List<String> awaitMatches(Map<String, Long> stock, Map<String, BigDecimal> balances, List<String> unknown,
            Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Long> stockLeft = new LinkedHashMap<>(stock);
        Map<String, BigDecimal> balancesLeft = new LinkedHashMap<>(balances);
        List<String> mismatches = new ArrayList<>();
        while (true) {
            mismatches.clear();
            stockLeft.entrySet().removeIf(e -> stockMatches(e.getKey(), e.getValue(), mismatches));
            balancesLeft.entrySet().removeIf(e -> balanceMatches(e.getKey(), e.getValue(), mismatches));
            if (mismatches.isEmpty() || System.nanoTime() > deadline) {
                break;
            }
            // Settling is asynchronous in the suite; re-read in a moment.
            Thread.sleep(500);
        }
        for (String product : unknown) {
            int status = get(stockUrl + "/stock/" + product).status();
            if (status != 404) {
                mismatches.add(product + ": never stocked, but GET /stock answered " + status);
            }
        }
        return mismatches;
    }

    private boolean stockMatches(String product, long expectedOnHand, List<String> mismatches) {
        Answer answer = get(stockUrl + "/stock/" + product);
        if (answer.status() != 200) {
            mismatches.add(product + ": GET /stock answered " + answer.status());
            return false;
        }
        long onHand = answer.json().get("onHand").asLong();
        long reserved = answer.json().get("reserved").asLong();
        if (onHand != expectedOnHand || reserved != 0) {
            mismatches.add(product + ": onHand " + onHand + " reserved " + reserved + ", expected onHand "
                    + expectedOnHand + " reserved 0");
            return false;
        }
        return true;
    }

    private boolean balanceMatches(String customer, BigDecimal expected, List<String> mismatches) {
        Answer answer = get(paymentUrl + "/accounts/" + customer);
        if (answer.status() != 200) {
            mismatches.add(customer + ": GET /accounts answered " + answer.status());
            return false;
        }
        BigDecimal balance = answer.json().get("balance").decimalValue();
        BigDecimal held = answer.json().get("held").decimalValue();
        if (balance.compareTo(expected) != 0 || held.signum() != 0) {
            mismatches.add(customer + ": balance " + balance + " held " + held + ", expected balance " + expected
                    + " held 0");
            return false;
        }
        return true;
    }

    private Answer get(String url) {
        try {
            var response = http.send(tokens.asAdmin(HttpRequest.newBuilder(URI.create(url)))
                    .timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(-1, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "");
        }
    }

    private record Answer(int status, String body) {

        JsonNode json() {
            return EventJson.MAPPER.readTree(body);
        }
    }
}
