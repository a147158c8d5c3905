package io.orderflow.orders.api;

import io.orderflow.testsupport.security.AccessChecks;
import io.orderflow.testsupport.security.TestIssuer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.events.order.OrderCheckCompleted;
import io.orderflow.events.command.Idempotency;
import io.orderflow.events.order.OrderState;
import io.orderflow.events.order.PlaceOrder;
import io.orderflow.events.stock.ReleaseStock;
import io.orderflow.events.stock.ReserveStock;
import io.orderflow.events.topics.Topics;
import io.orderflow.orders.OrdersServiceApplication;
import io.orderflow.orders.OrdersServiceTestProperties;
import static io.orderflow.testsupport.http.Problems.assertIdProblem;
import static io.orderflow.testsupport.http.Problems.assertProblem;
import static io.orderflow.testsupport.http.Problems.errorFields;
import io.orderflow.testsupport.concurrency.Concurrently;
import io.orderflow.testsupport.http.HttpJson;
import io.orderflow.testsupport.http.RawHttp;
import io.orderflow.testsupport.kafka.TestKafka;
import io.orderflow.testsupport.service.ServiceIT;
import io.orderflow.testsupport.service.ServiceUnderTest;
import io.orderflow.testsupport.kafka.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * orders-service alone on a real broker: place and read back through the Streams store, idempotent ids,
 * Idempotency-Keys, bad input.
 */
@ServiceIT(value = OrdersServiceApplication.class, properties = OrdersServiceTestProperties.ORDER_TIMEOUT_SETTING)
class OrdersApiIT {

    private static final String KEY = "Idempotency-Key";
    private final ServiceUnderTest service;
    private final HttpJson http;

    OrdersApiIT(ServiceUnderTest service) {
        this.service = service;
        this.http = service.http();
    }

    @Test
    void placedOrderIsCreatedAndReadBackFromTheStore() {
        String id = "o-" + UUID.randomUUID();
        HttpJson.Response created = http.post("/orders", order(id, "c-1", "p-1", 2, "19.99"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.location()).isEqualTo("/orders/" + id);
        JsonNode body = created.json();
        assertThat(body.get("state").asString()).isEqualTo("CREATED");
        assertThat(body.get("total").decimalValue()).isEqualByComparingTo("39.98");
        assertThat(body.get("rejections").isArray()).isTrue();
        assertThat(body.has("shipmentId")).isTrue();
        assertThat(body.get("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

        HttpJson.Response read = http.get("/orders/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("id").asString()).isEqualTo(id);
        assertThat(read.json().get("customerId").asString()).isEqualTo("c-1");
        assertThat(read.json().get("items").get(0).get("unitPrice").decimalValue()).isEqualByComparingTo("19.99");
    }

    @Test
    void orderWithoutIdGetsAGeneratedOne() {
        HttpJson.Response created = http.post("/orders", """
                {"customerId":"c-2","items":[{"productId":"p-1","quantity":1,"unitPrice":5}]}""");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(http.get("/orders/" + id).status()).isEqualTo(200);
    }

    @Test
    void samePostTwiceIsOneOrderAndADifferentBodyIsAConflict() {
        String id = "o-" + UUID.randomUUID();
        assertThat(http.post("/orders", order(id, "c-1", "p-1", 3, "3.0")).status()).isEqualTo(201);

        HttpJson.Response again = http.post("/orders", order(id, "c-1", "p-1", 3, "3.00"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(id);

        HttpJson.Response different = http.post("/orders", order(id, "c-1", "p-1", 4, "3.00"));
        assertThat(different.status()).isEqualTo(409);
        assertThat(different.contentType()).startsWith("application/problem+json");

        long commands = TopicProbe.readAll(TestKafka.bootstrapServers(), Topics.ORDER_COMMANDS).stream()
                .map(ConsumerRecord::value).filter(c -> c.orderId().equals(id)).count();
        assertThat(commands).as("repeats answered without writing").isEqualTo(1);
    }

    @Test
    void aRetriedOrderWithoutIdGetsTheFirstAnswerAndMakesOneOrder() {
        String key = "k-" + UUID.randomUUID();
        String customer = "c-" + UUID.randomUUID();

        HttpJson.Response first = http.post("/orders", body(customer, "p-1", "3", "3.0"), KEY, key);
        HttpJson.Response retry = http.post("/orders", "{ \"items\": [ { \"unitPrice\": 3.00, \"productId\": \"p-1\", "
                + "\"quantity\": 3 } ], \"customerId\": \"" + customer + "\" }", KEY, key);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.location()).isEqualTo(first.location());
        String id = first.json().get("id").asString();
        assertThat(id).as("derived from the key").isEqualTo(derivedId(key));
        assertThat(createdOrdersOf(customer)).containsExactly(id);
    }

    @Test
    void aRetryGetsTheCreatedAnswerAlsoAfterTheOrderMovedOn() {
        String key = "k-" + UUID.randomUUID();
        String customer = "c-" + UUID.randomUUID();
        HttpJson.Response first = http.post("/orders", body(customer, "p-1", "1", "1.00"), KEY, key);
        String id = first.json().get("id").asString();
        assertThat(http.post("/orders/" + id + "/cancel", "").status()).isEqualTo(202);

        HttpJson.Response retry = http.post("/orders", body(customer, "p-1", "1", "1.00"), KEY, key);

        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.json().get("state").asString()).isEqualTo("CREATED");
        assertThat(http.get("/orders/" + id).json().get("state").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void theSameKeyWithAnotherBodyIs422WhateverOrderItNamesAndMakesNoOrder() {
        String key = "k-" + UUID.randomUUID();
        String customer = "c-" + UUID.randomUUID();
        assertThat(http.post("/orders", body(customer, "p-1", "3", "3.00"), KEY, key).status()).isEqualTo(201);
        String elsewhere = idInAnotherPartitionThan(derivedId(key));

        List<HttpJson.Response> refused = List.of(
                http.post("/orders", body(customer, "p-1", "4", "3.00"), KEY, key),
                http.post("/orders", order(elsewhere, customer, "p-1", 3, "3.00"), KEY, key),
                http.post("/orders", order(derivedId(key), customer, "p-1", 3, "3.00"), KEY, key));

        assertThat(refused).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("type").asString()).isEqualTo("https://orderflow.io/problems/idempotency-key-reused");
            assertThat(answer.json().get("title").asString()).isEqualTo("Idempotency-Key reused");
            assertThat(answer.json().get("detail").asString()).contains("'" + key + "'");
        });
        assertThat(http.get("/orders/" + elsewhere).status()).isEqualTo(404);
        assertThat(createdOrdersOf(customer)).containsExactly(derivedId(key));
    }

    @Test
    void aKeyedOrderNamingItsOwnIdIsRecognisedWhereverItsKeyAndIdLive() {
        String customer = "c-" + UUID.randomUUID();
        String apart = "k-" + UUID.randomUUID();
        String together = "k-" + UUID.randomUUID();
        Map<String, String> idOfKey = Map.of(apart, idInAnotherPartitionThan(derivedId(apart)),
                together, idInTheSamePartitionAs(derivedId(together)));

        idOfKey.forEach((key, id) -> {
            String other = "o-" + UUID.randomUUID();
            HttpJson.Response first = http.post("/orders", order(id, customer, "p-1", 2, "2.00"), KEY, key);
            HttpJson.Response retry = http.post("/orders", order(id, customer, "p-1", 2, "2.0"), KEY, key);
            HttpJson.Response reused = http.post("/orders", order(other, customer, "p-1", 2, "2.00"), KEY, key);

            assertThat(first.status()).as(first.toString()).isEqualTo(201);
            assertThat(first.location()).isEqualTo("/orders/" + id);
            assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(reused.status()).as(reused.toString()).isEqualTo(422);
            assertThat(http.get("/orders/" + other).status()).isEqualTo(404);
        });
        assertThat(createdOrdersOf(customer)).containsExactlyInAnyOrderElementsOf(idOfKey.values());
    }

    @Test
    void eightConcurrentRetriesMakeOneOrderAndGetOneAnswer() {
        String key = "k-" + UUID.randomUUID();
        String key2 = "k-" + UUID.randomUUID();
        String customer = "c-" + UUID.randomUUID();
        String id = idInAnotherPartitionThan(derivedId(key2));

        List<HttpJson.Response> withoutId = Concurrently.call(8, () -> http.post("/orders", body(customer, "p-1", "1", "1.00"), KEY, key));
        List<HttpJson.Response> withId = Concurrently.call(8, () -> http.post("/orders", order(id, customer, "p-1", 1, "1.00"), KEY, key2));

        for (List<HttpJson.Response> answers : List.of(withoutId, withId)) {
            assertThat(answers).extracting(HttpJson.Response::status).containsOnly(201);
            assertThat(answers).extracting(HttpJson.Response::body).containsOnly(answers.get(0).body());
        }
        assertThat(createdOrdersOf(customer)).containsExactlyInAnyOrder(derivedId(key), id);
    }

    @Test
    void aRetriedCancelGetsTheFirstAnswer() {
        String key = "cancel-" + UUID.randomUUID();
        String id = "o-" + UUID.randomUUID();
        assertThat(http.post("/orders", order(id, "c-5", "p-1", 1, "1.00")).status()).isEqualTo(201);

        HttpJson.Response first = http.post("/orders/" + id + "/cancel", "", KEY, key);
        HttpJson.Response retry = http.post("/orders/" + id + "/cancel", "", KEY, key);
        HttpJson.Response unkeyed = http.post("/orders/" + id + "/cancel", "");

        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(202);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(unkeyed.status()).as("without the key, a second cancel is refused").isEqualTo(409);
        String missing = "o-" + UUID.randomUUID();
        assertThat(http.post("/orders/" + missing + "/cancel", "", KEY, key).status())
                .as("another order is another route").isEqualTo(404);
    }

    @Test
    void aKeyOutsideTheIdAlphabetIs400NamingTheHeaderAndWritesNothing() {
        HttpJson.Response answer = http.post("/orders", body("bad-15", "p-1", "1", "1.00"), KEY, "not a key");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactly("Idempotency-Key");
        assertThat(http.post("/orders/o-1/cancel", "", KEY, "x".repeat(65)).status()).isEqualTo(400);
        assertNothingWrittenFor("bad-15");
    }

    @Test
    void hourlyAnalyticsCountTheOrdersOfAProduct() {
        String product = "p-" + UUID.randomUUID();
        assertThat(http.post("/orders", order("o-" + UUID.randomUUID(), "c-4", product, 2, "1.00")).status()).isEqualTo(201);
        assertThat(http.post("/orders", order("o-" + UUID.randomUUID(), "c-4", product, 3, "1.00")).status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpJson.Response answer = http.get("/analytics/orders/hourly?productId=" + product);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.json().valueStream().mapToLong(r -> r.get("units").asLong()).sum()).isEqualTo(5);
            assertThat(answer.json().valueStream().mapToLong(r -> r.get("orders").asLong()).sum()).isEqualTo(2);
        });
        HttpJson.Response all = http.get("/analytics/orders/hourly");
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(all.body()).contains(product);
    }

    @Test
    void customerListHasEachOfTheCustomersOrdersOnceInItsLatestStateNewestFirst() {
        String customer = "c-" + UUID.randomUUID();
        // Its id starts with the first customer's: the list of one must not pick up the other's orders.
        String longerId = customer + "0";
        List<String> ids = List.of("o-" + UUID.randomUUID(), "o-" + UUID.randomUUID(), "o-" + UUID.randomUUID());
        // Cancelled as soon as it exists, well within the short order timeout of these tests; the others time out.
        assertThat(http.post("/orders", order(ids.get(1), customer, "p-1", 1, "2.00")).status()).isEqualTo(201);
        assertThat(http.post("/orders/" + ids.get(1) + "/cancel", "").status()).isEqualTo(202);
        Stream.of(ids.get(0), ids.get(2)).forEach(id ->
                assertThat(http.post("/orders", order(id, customer, "p-1", 1, "2.00")).status()).isEqualTo(201));
        String other = "o-" + UUID.randomUUID();
        assertThat(http.post("/orders", order(other, longerId, "p-1", 1, "2.00")).status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpJson.Response list = http.get("/orders?customerId=" + customer);
            assertThat(list.status()).as(list.toString()).isEqualTo(200);
            List<JsonNode> orders = list.json().valueStream().toList();
            assertThat(orders).extracting(o -> o.get("id").asString()).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(orders).filteredOn(o -> o.get("id").asString().equals(ids.get(1)))
                    .extracting(o -> o.get("state").asString()).containsExactly("CANCELLED");
            List<Instant> created = orders.stream().map(o -> Instant.parse(o.get("createdAt").asString())).toList();
            assertThat(created).as("newest first").isSortedAccordingTo(Comparator.reverseOrder());
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                http.get("/orders?customerId=" + longerId).json().valueStream().map(o -> o.get("id").asString()))
                .containsExactly(other));
        assertThat(http.get("/orders?customerId=c-" + UUID.randomUUID()).body()).isEqualTo("[]");
    }

    @Test
    void anOrderWithoutVerdictsIsRejectedTimedOutByOrdersAndALateVerdictOnlyGivesBack() {
        // No stock-service or payment-service here: nothing ever answers this order's requests.
        String id = "o-" + UUID.randomUUID();
        String product = "p-" + UUID.randomUUID();
        HttpJson.Response created = http.post("/orders", order(id, "c-6", product, 2, "1.00"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        HttpJson.Response decided = http.get("/orders/" + id + "?until=REJECTED&timeoutMs=30000");

        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        JsonNode order = decided.json();
        assertThat(order.get("state").asString()).as(decided.body()).isEqualTo("REJECTED");
        assertThat(order.get("rejections").valueStream().map(r -> r.get("service").asString() + " "
                + r.get("reason").asString())).containsExactly("orders TIMED_OUT");
        assertThat(Duration.between(Instant.parse(order.get("createdAt").asString()),
                Instant.parse(order.get("updatedAt").asString()))).isGreaterThanOrEqualTo(OrdersServiceTestProperties.ORDER_TIMEOUT);

        TopicProbe.send(TestKafka.bootstrapServers(), Topics.ORDER_VALIDATIONS, id,
                OrderCheckCompleted.stock(id, product, null, Instant.now()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                TopicProbe.readAll(TestKafka.bootstrapServers(), Topics.STOCK_REQUESTS).stream()
                        .map(ConsumerRecord::value).filter(r -> r.orderId().equals(id)))
                .containsExactly(new ReserveStock(id, product, 2), new ReleaseStock(id, product, 2)));
        assertThat(http.get("/orders/" + id).body()).as("the late verdict changed nothing").isEqualTo(decided.body());
    }

    @Test
    void pagesFollowTheLinkHeadersAndHoldEveryOrderOnceNewestFirstWhileNewOrdersArrive() {
        String customer = "c-" + UUID.randomUUID();
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            placed.add(placeFor(customer));
        }
        HttpJson.Response whole = http.get("/orders?customerId=" + customer + "&limit=1000");
        assertThat(whole.status()).as(whole.toString()).isEqualTo(200);
        assertThat(whole.header("Link")).as("all on one page").isNull();
        List<JsonNode> everything = whole.json().valueStream().toList();
        assertThat(everything).extracting(o -> o.get("id").asString()).containsExactlyInAnyOrderElementsOf(placed);
        assertThat(everything).as("createdAt descending, then id").isSortedAccordingTo(
                Comparator.comparing((JsonNode o) -> Instant.parse(o.get("createdAt").asString())).reversed()
                        .thenComparing(o -> o.get("id").asString()));

        List<String> paged = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<String> newer = new ArrayList<>();
        String next = "/orders?customerId=" + customer + "&limit=10";
        while (next != null) {
            HttpJson.Response page = http.get(next);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().valueStream().forEach(o -> paged.add(o.get("id").asString()));
            sizes.add(page.json().size());
            next = nextLink(page);
            // Orders placed between page reads are newer than every order listed so far: not on later pages.
            newer.add(placeFor(customer));
            newer.add(placeFor(customer));
        }

        assertThat(sizes).containsExactly(10, 10, 5);
        assertThat(paged).as("each of the 25 once, in the list's order")
                .containsExactlyElementsOf(everything.stream().map(o -> o.get("id").asString()).toList());
        List<String> fresh = http.get("/orders?customerId=" + customer + "&limit=1000").json().valueStream()
                .map(o -> o.get("id").asString()).toList();
        assertThat(fresh).hasSize(31);
        assertThat(fresh.subList(0, 6)).as("a list read again starts with the newer orders")
                .containsExactlyInAnyOrderElementsOf(newer);
        assertThat(fresh.subList(6, 31)).containsExactlyElementsOf(paged);
    }

    @Test
    void aShareRequestAnswersLimitPlusOneAfterTheCursorSoTheAskingInstanceKnowsThereIsMore() {
        String customer = "c-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            placeFor(customer);
        }
        HttpJson.Response first = http.get("/orders?customerId=" + customer + "&limit=2");
        String cursor = nextLink(first).replaceAll(".*cursor=", "");

        HttpJson.Response share = http.get("/orders?customerId=" + customer + "&limit=2&cursor=" + cursor + "&share=local");

        assertThat(share.status()).as(share.toString()).isEqualTo(200);
        assertThat(share.header("Link")).as("the asking instance cuts the page and links the next").isNull();
        List<String> all = http.get("/orders?customerId=" + customer).json().valueStream()
                .map(o -> o.get("id").asString()).toList();
        assertThat(share.json().valueStream().map(o -> o.get("id").asString())).containsExactlyElementsOf(all.subList(2, 5));
    }

    @Test
    void badListParametersAre400ProblemsNamingThem() {
        for (String query : List.of("limit=0", "limit=1001", "limit=ten", "cursor=not-a-cursor")) {
            HttpJson.Response answer = http.get("/orders?customerId=c-1&" + query);
            assertThat(answer.status()).as(query + ": " + answer).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo(query.replaceAll("=.*", ""));
        }
    }

    @Test
    void hourlyAnalyticsListTheWindowsStartingInFromToAndRejectABadRange() {
        String product = "p-" + UUID.randomUUID();
        HttpJson.Response created = http.post("/orders", order("o-" + UUID.randomUUID(), "c-5", product, 4, "1.00"));
        assertThat(created.status()).isEqualTo(201);
        Instant hour = Instant.parse(created.json().get("createdAt").asString()).truncatedTo(ChronoUnit.HOURS);
        String path = "/analytics/orders/hourly?productId=" + product;

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpJson.Response answer = http.get(path + "&from=" + hour + "&to=" + hour.plus(Duration.ofHours(1)));
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.json().valueStream().map(r -> r.get("windowStart").asString() + " " + r.get("units").asLong()))
                    .containsExactly(hour.toString().replace("Z", ".000Z") + " 4");
        });
        assertThat(http.get(path + "&from=" + hour.minus(Duration.ofHours(2)) + "&to=" + hour).body())
                .as("to is exclusive").isEqualTo("[]");
        assertThat(http.get(path + "&from=" + hour.plusMillis(1) + "&to=" + hour.plus(Duration.ofHours(2))).body())
                .as("a window counts by its start").isEqualTo("[]");

        HttpJson.Response backwards = http.get(path + "&from=" + hour + "&to=" + hour.minusSeconds(1));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.contentType()).startsWith("application/problem+json");
        assertThat(backwards.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
        HttpJson.Response tooLong = http.get(path + "&from=" + hour.minus(Duration.ofDays(8)) + "&to=" + hour);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
    }

    private String placeFor(String customer) {
        String id = "o-" + UUID.randomUUID();
        HttpJson.Response created = http.post("/orders", order(id, customer, "p-1", 1, "1.00"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return id;
    }

    /** The target of a {@code Link: <...>; rel="next"} header, null when there is none. */
    static String nextLink(HttpJson.Response page) {
        String link = page.header("Link");
        if (link == null) {
            return null;
        }
        Matcher next = Pattern.compile("<([^>]*)>;\\s*rel=\"next\"").matcher(link);
        assertThat(next.find()).as(link).isTrue();
        return next.group(1);
    }

    @Test
    void trailingZerosDoNotCountAsDecimals() {
        HttpJson.Response created = http.post("/orders", order("o-" + UUID.randomUUID(), "c-3", "p-1", 2, "1.500"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("total").decimalValue()).isEqualByComparingTo("3.00");
    }

    @Test
    void unknownOrderIs404ProblemAndBadPathIdIs400() {
        assertProblem(http.get("/orders/does-not-exist"), 404);
        assertIdProblem(http.get("/orders/bad%20id"), "id");
    }

    static Stream<Arguments> badOrders() {
        String line = "{\"productId\":\"p-1\",\"quantity\":1,\"unitPrice\":1.00}";
        return Stream.of(
                Arguments.of("malformed JSON", "{\"customerId\":\"bad-1\",", "body"),
                Arguments.of("missing customerId", "{\"items\":[" + line + "]}", "customerId"),
                Arguments.of("no items", "{\"customerId\":\"bad-2\",\"items\":[]}", "items"),
                Arguments.of("quantity 0", body("bad-3", "p-1", "0", "1.00"), "items[0].quantity"),
                Arguments.of("quantity 10001", body("bad-4", "p-1", "10001", "1.00"), "items[0].quantity"),
                Arguments.of("fractional quantity", body("bad-5", "p-1", "1.5", "1.00"), "items[0].quantity"),
                Arguments.of("negative price", body("bad-6", "p-1", "1", "-1.00"), "items[0].unitPrice"),
                Arguments.of("three decimals", body("bad-7", "p-1", "1", "1.005"), "items[0].unitPrice"),
                Arguments.of("price as string", body("bad-8", "p-1", "1", "\"19.99\""), "items[0].unitPrice"),
                Arguments.of("bad product id", body("bad-9", "p 1", "1", "1.00"), "items[0].productId"),
                Arguments.of("duplicate product lines",
                        "{\"customerId\":\"bad-10\",\"items\":[" + line + "," + line + "]}", "items"),
                Arguments.of("101 items", "{\"customerId\":\"bad-11\",\"items\":[" + lines(101) + "]}", "items"),
                Arguments.of("id too long", "{\"id\":\"" + "x".repeat(65) + "\",\"customerId\":\"bad-12\",\"items\":[" + line + "]}", "id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOrders")
    void badInputIs400ProblemNamingTheField(String name, String json, String field) {
        HttpJson.Response answer = http.post("/orders", json);

        assertProblem(answer, 400);
        assertThat(errorFields(answer)).as(answer.body()).contains(field);
        assertNothingWrittenFor(json);
    }

    @Test
    void oversizedBodyIs413AndWrongMediaTypeIs415() {
        String huge = "{\"customerId\":\"bad-13\",\"items\":[" + lines(100) + "],\"pad\":\"" + "x".repeat(70_000) + "\"}";
        HttpJson.Response tooLarge = http.post("/orders", huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");

        HttpJson.Response wrongType = http.post("/orders", "text/plain", order("o-x", "bad-14", "p-1", 1, "1.00").getBytes());
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.contentType()).startsWith("application/problem+json");
        assertNothingWrittenFor("bad-13");
        assertNothingWrittenFor("bad-14");
    }

    @Test
    void prometheusShowsKafkaStreamsAndBusinessMetrics() {
        assertThat(http.post("/orders", order("o-" + UUID.randomUUID(), "c-9", "p-1", 1, "1.00")).status()).isEqualTo(201);

        String metrics = http.get("/actuator/prometheus").body();

        assertThat(metrics).contains("orderflow_orders_reached_total{").contains("state=\"CREATED\"");
        assertThat(metrics).contains("orderflow_orders_unshipped_overdue_total");
        assertThat(metrics).contains("kafka_stream_thread_");
        assertThat(metrics).contains("kafka_producer_");
    }

    @Test
    void anEncodedSlashTomcatRefusesIsAProblemToo() {
        RawHttp.Response response = service.raw().get("/orders/a%2Fb");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("https://orderflow.io/problems/bad-request");
        assertThat(response.json().get("detail").asString()).contains("encoded slash");
    }

    @Test
    void healthGroupsFollowTheKafkaStreamsState() {
        assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
        HttpJson.Response readiness = http.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body()).contains("kafkaStreams").contains("RUNNING");
        assertThat(readiness.json().get("components").has("kafka")).as("connectivity is not a probe").isFalse();
        JsonNode results = readiness.json().get("components").get("commandResults");
        assertThat(results.get("status").asString()).as(readiness.body()).isEqualTo("UP");
        assertThat(results.get("details").get("listeners").get(Topics.ORDER_COMMAND_RESULTS.name())
                .get("details").get("state").asString()).isEqualTo("reading");

        HttpJson.Response health = http.get("/actuator/health");
        JsonNode kafka = health.json().get("components").get("kafka");
        assertThat(kafka.get("status").asString()).as(health.body()).isEqualTo("UP");
        assertThat(kafka.get("details").get("brokers").asInt()).isEqualTo(1);
        assertThat(kafka.get("details").get("clusterId").asString()).isNotBlank();
    }

    @Test
    void unknownRouteIs404Problem() {
        HttpJson.Response answer = http.get("/no-such-route");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    private static void assertNothingWrittenFor(String jsonOrCustomer) {
        List<String> customers = TopicProbe.readAll(TestKafka.bootstrapServers(), Topics.ORDER_COMMANDS).stream()
                .map(ConsumerRecord::value)
                .filter(PlaceOrder.class::isInstance).map(c -> ((PlaceOrder) c).customerId())
                .filter(c -> c.startsWith("bad-"))
                .toList();
        assertThat(customers).as("nothing written to Kafka for rejected requests").isEmpty();
    }

    /** The ids of the customer's orders made so far (every answer is in, so every effect is committed). */
    private static List<String> createdOrdersOf(String customer) {
        return TopicProbe.readAll(TestKafka.bootstrapServers(), Topics.ORDERS).stream().map(ConsumerRecord::value)
                .filter(e -> e.order().customerId().equals(customer) && e.state() == OrderState.CREATED)
                .map(e -> e.order().id()).toList();
    }

    /**
     * The order id a POST /orders without id gets under {@code key}: a UUID of the key's scope (the caller, here the
     * admin, and the route) and the key.
     */
    private static String derivedId(String key) {
        return new Idempotency(TestIssuer.ADMIN_SUBJECT + " POST /orders", key, "any").derivedId();
    }

    private static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % Topics.PARTITIONS;
    }

    private static String idInAnotherPartitionThan(String key) {
        return Stream.generate(() -> "o-" + UUID.randomUUID()).filter(id -> partitionOf(id) != partitionOf(key))
                .findFirst().orElseThrow();
    }

    private static String idInTheSamePartitionAs(String key) {
        return Stream.generate(() -> "o-" + UUID.randomUUID()).filter(id -> partitionOf(id) == partitionOf(key))
                .findFirst().orElseThrow();
    }


    static String order(String id, String customer, String product, int quantity, String price) {
        return "{\"id\":\"" + id + "\",\"customerId\":\"" + customer + "\",\"items\":[{\"productId\":\"" + product
                + "\",\"quantity\":" + quantity + ",\"unitPrice\":" + price + "}]}";
    }

    private static String body(String customer, String product, String quantity, String price) {
        return "{\"customerId\":\"" + customer + "\",\"items\":[{\"productId\":\"" + product
                + "\",\"quantity\":" + quantity + ",\"unitPrice\":" + price + "}]}";
    }

    private static String lines(int n) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < n; i++) {
            lines.append(i == 0 ? "" : ",").append("{\"productId\":\"p-").append(i)
                    .append("\",\"quantity\":1,\"unitPrice\":1.00}");
        }
        return lines.toString();
    }

    /**
     * The 401/403 matrix: a customer places, reads, lists and cancels their own orders only (a body or query naming
     * another customer is a 403, another's order reads as unknown); analytics are the admin's.
     */
    @Test
    void aCustomerActsOnTheirOwnOrdersOnly() {
        AccessChecks access = new AccessChecks(http, service.issuer());
        String customer = "c-" + UUID.randomUUID();
        String other = "c-" + UUID.randomUUID();
        String own = service.issuer().customer(customer);
        String id = "o-" + UUID.randomUUID();
        access.refusesWithoutAGoodToken("POST", "/orders", order(id, customer, "p-1", 1, "1.00"));
        access.refusesWithoutAGoodToken("GET", "/orders/" + id, null);
        access.refusesWithoutAGoodToken("GET", "/orders?customerId=" + customer, null);
        access.refusesWithoutAGoodToken("POST", "/orders/" + id + "/cancel", null);
        access.refusesWithoutAGoodToken("GET", "/analytics/orders/hourly", null);

        access.forbids(own, "POST", "/orders", order(id, other, "p-1", 1, "1.00"));
        assertThat(access.as(own, "POST", "/orders", order(id, customer, "p-1", 1, "1.00")).status()).isEqualTo(201);
        assertThat(access.as(own, "GET", "/orders/" + id, null).json().get("customerId").asString()).isEqualTo(customer);
        assertThat(access.as(own, "GET", "/orders?customerId=" + customer, null).json()).hasSize(1);
        access.forbids(own, "GET", "/orders?customerId=" + other, null);
        access.forbids(own, "GET", "/analytics/orders/hourly", null);
        access.forbids(service.issuer().metrics(), "GET", "/orders/" + id, null);

        String stranger = service.issuer().customer(other);
        assertProblem(access.as(stranger, "GET", "/orders/" + id, null), 404);
        assertProblem(access.as(stranger, "GET", "/orders/" + id + "?timeoutMs=5000", null), 404);
        assertProblem(access.as(stranger, "POST", "/orders/" + id + "/cancel", null), 404);
        assertThat(http.get("/orders/" + id).json().get("state").asString()).as("the stranger's cancel changed nothing")
                .isNotEqualTo("CANCELLED");
        assertThat(http.get("/analytics/orders/hourly").status()).isEqualTo(200);
    }
}
