package io.orderflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.testsupport.http.HttpJson;
import java.math.BigDecimal;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Small steps the flow tests share: stock a product, fund a customer, place an order, wait for a state. */
final class Fixtures {

    private final Suite suite;

    Fixtures(Suite suite) {
        this.suite = suite;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    void stock(String productId, long quantity) {
        HttpJson.Response answer = suite.stock().put("/stock/" + productId, "{\"quantity\":" + quantity + "}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    void fund(String customerId, String balance) {
        HttpJson.Response answer = suite.payment().put("/accounts/" + customerId, "{\"balance\":" + balance + "}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    /** Places an order of one or more lines {productId, quantity, unitPrice}; returns its id. */
    String order(String customerId, Object... lines) {
        String id = unique("o");
        HttpJson.Response answer = suite.orders().post("/orders", orderJson(id, customerId, lines));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return id;
    }

    static String orderJson(String id, String customerId, Object... lines) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < lines.length; i += 3) {
            items.append(i == 0 ? "" : ",").append("{\"productId\":\"").append(lines[i]).append("\",\"quantity\":")
                    .append(lines[i + 1]).append(",\"unitPrice\":").append(lines[i + 2]).append('}');
        }
        return "{\"id\":\"" + id + "\",\"customerId\":\"" + customerId + "\",\"items\":[" + items + "]}";
    }

    /** Long-polls until the order is in {@code state} or a final state; returns the order. */
    JsonNode awaitState(String orderId, String state) {
        HttpJson.Response answer = suite.orders().get("/orders/" + orderId + "?until=" + state + "&timeoutMs=30000");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode order = answer.json();
        assertThat(order.get("state").asString()).as(answer.body()).isEqualTo(state);
        return order;
    }

    JsonNode stockOf(String productId) {
        HttpJson.Response answer = suite.stock().get("/stock/" + productId);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    JsonNode accountOf(String customerId) {
        HttpJson.Response answer = suite.payment().get("/accounts/" + customerId);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    static BigDecimal money(JsonNode node, String field) {
        return node.get(field).decimalValue();
    }
}
