package io.orderflow.stock.api;

import io.orderflow.testsupport.security.AccessChecks;
import static io.orderflow.testsupport.http.Problems.assertIdProblem;
import static io.orderflow.testsupport.http.Problems.assertProblem;
import static io.orderflow.testsupport.http.Problems.errorFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.events.order.CheckType;
import io.orderflow.events.order.OrderCheckCompleted;
import io.orderflow.events.order.Rejection;
import io.orderflow.events.order.RejectionReason;
import io.orderflow.events.stock.DeductStock;
import io.orderflow.events.stock.ReleaseStock;
import io.orderflow.events.stock.ReserveStock;
import io.orderflow.events.stock.StockRequest;
import io.orderflow.events.topics.DeadLetterHeaders;
import io.orderflow.events.topics.Topic;
import io.orderflow.events.topics.Topics;
import io.orderflow.stock.StockServiceApplication;
import io.orderflow.testsupport.http.HttpJson;
import io.orderflow.testsupport.kafka.TestKafka;
import io.orderflow.testsupport.service.ServiceIT;
import io.orderflow.testsupport.service.ServiceUnderTest;
import io.orderflow.testsupport.kafka.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * stock-service alone on a real broker: stock requests are written to {@code stock-requests} as orders-service
 * would (keyed by product), verdicts read from {@code order-validations}. Every test uses its own product ids,
 * as the broker is shared.
 */
@ServiceIT(StockServiceApplication.class)
class StockServiceIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Topic<byte[], byte[]> DEAD_LETTERS = new Topic<>(Topics.deadLetterTopic("stock-service"),
            "as read", Serdes.ByteArray(), Serdes.ByteArray());
    private final ServiceUnderTest service;
    private final HttpJson http;

    StockServiceIT(ServiceUnderTest service) {
        this.service = service;
        this.http = service.http();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new product with {@code onHand} units; its id. */
    private String stocked(int onHand) {
        String product = unique("p");
        assertThat(put(product, onHand).status()).isEqualTo(200);
        return product;
    }

    private HttpJson.Response put(String productId, Object quantity) {
        return http.put("/stock/" + productId, "{\"quantity\":" + quantity + "}");
    }

    private JsonNode stock(String productId) {
        HttpJson.Response answer = http.get("/stock/" + productId);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private static void send(StockRequest request) {
        TopicProbe.send(TestKafka.bootstrapServers(), Topics.STOCK_REQUESTS, request.productId(), request);
    }

    /** The stock verdicts on these reservations, once there is one for each. */
    private static Map<ReserveStock, OrderCheckCompleted> verdicts(Collection<ReserveStock> reservations) {
        Map<String, ReserveStock> wanted = reservations.stream()
                .collect(Collectors.toMap(r -> r.orderId() + "/" + r.productId(), Function.identity()));
        Map<String, OrderCheckCompleted> found = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> TopicProbe.readAll(TestKafka.bootstrapServers(), Topics.ORDER_VALIDATIONS).stream()
                                .filter(r -> r.value().productId() != null)
                                .filter(r -> wanted.containsKey(r.key() + "/" + r.value().productId()))
                                .collect(Collectors.toMap(r -> r.key() + "/" + r.value().productId(),
                                        ConsumerRecord::value, (a, b) -> a)),
                        verdicts -> verdicts.size() == wanted.size());
        return found.entrySet().stream().collect(Collectors.toMap(e -> wanted.get(e.getKey()), Map.Entry::getValue));
    }

    private static OrderCheckCompleted reserve(String orderId, String productId, int quantity) {
        ReserveStock request = new ReserveStock(orderId, productId, quantity);
        send(request);
        return verdicts(List.of(request)).get(request);
    }

    @Test
    void putSetsTheUnitsOnHandAndGetReadsThemBack() {
        String product = unique("p");

        HttpJson.Response set = put(product, 100);

        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("productId").asString()).isEqualTo(product);
        assertThat(set.json().get("onHand").asLong()).isEqualTo(100);
        JsonNode read = stock(product);
        assertThat(read.propertyNames()).containsExactly("productId", "onHand", "reserved", "available");
        assertThat(read.get("onHand").asLong()).isEqualTo(100);
        assertThat(read.get("reserved").asLong()).isZero();
        assertThat(read.get("available").asLong()).isEqualTo(100);

        assertThat(put(product, 40).json().get("available").asLong()).isEqualTo(40);
        assertThat(put(product, 0).json().get("onHand").asLong()).isZero();
    }

    @Test
    void eachProductOfAnOrderWithEnoughStockPassesAndItsUnitsShowAsReserved() {
        String p1 = unique("p");
        String p2 = unique("p");
        put(p1, 10);
        put(p2, 5);
        String orderId = unique("o");
        ReserveStock first = new ReserveStock(orderId, p1, 3);
        ReserveStock second = new ReserveStock(orderId, p2, 5);

        send(first);
        send(second);

        Map<ReserveStock, OrderCheckCompleted> verdicts = verdicts(List.of(first, second));
        assertThat(verdicts.get(first)).satisfies(v -> {
            assertThat(v.check()).isEqualTo(CheckType.STOCK);
            assertThat(v.productId()).isEqualTo(p1);
            assertThat(v.passed()).isTrue();
        });
        assertThat(verdicts.get(second).productId()).isEqualTo(p2);
        assertThat(verdicts.get(second).passed()).isTrue();
        assertThat(stock(p1).get("reserved").asLong()).isEqualTo(3);
        assertThat(stock(p1).get("available").asLong()).isEqualTo(7);
        assertThat(stock(p2).get("available").asLong()).isZero();
    }

    @Test
    void shortStockAndAnUnknownProductFailWithThoseReasons() {
        String scarce = unique("p");
        String unknown = unique("never-stocked");
        put(scarce, 1);
        ReserveStock tooMany = new ReserveStock(unique("o"), scarce, 2);
        ReserveStock neverStocked = new ReserveStock(unique("o"), unknown, 1);

        send(tooMany);
        send(neverStocked);

        Map<ReserveStock, OrderCheckCompleted> verdicts = verdicts(List.of(tooMany, neverStocked));
        assertThat(verdicts.get(tooMany).rejections()).containsExactly(new Rejection(CheckType.STOCK,
                RejectionReason.INSUFFICIENT_STOCK, scarce + ": wanted 2, available 1"));
        assertThat(verdicts.get(neverStocked).rejections()).containsExactly(new Rejection(CheckType.STOCK,
                RejectionReason.UNKNOWN_PRODUCT, unknown + ": unknown product"));
        assertThat(stock(scarce).get("reserved").asLong()).isZero();
        assertThat(http.get("/stock/" + unknown).status()).isEqualTo(404);
    }

    @Test
    void aReleaseGivesBackWhatWasReserved() {
        String product = stocked(10);
        String orderId = unique("o");
        assertThat(reserve(orderId, product, 4).passed()).isTrue();
        assertThat(stock(product).get("reserved").asLong()).isEqualTo(4);

        send(new ReleaseStock(orderId, product, 4));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(stock(product).get("reserved").asLong()).isZero());
        assertThat(stock(product).get("available").asLong()).isEqualTo(10);
    }

    @Test
    void aDeductTakesTheShippedUnitsOffTheShelf() {
        String product = stocked(10);
        String orderId = unique("o");
        assertThat(reserve(orderId, product, 3).passed()).isTrue();

        send(new DeductStock(orderId, product, 3));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(stock(product).get("onHand").asLong()).isEqualTo(7));
        JsonNode level = stock(product);
        assertThat(level.get("reserved").asLong()).isZero();
        assertThat(level.get("available").asLong()).isEqualTo(7);
    }

    /** A release of more than is reserved is a broken invariant: kept on the dead-letter topic, and the product goes on. */
    @Test
    void aReleaseOfMoreThanIsReservedIsDeadLetteredAndTheProductGoesOn() {
        String product = stocked(5);
        String orderId = unique("o");
        String expected = product + ": cannot release 1 units for order " + orderId + ": only 0 reserved";

        send(new ReleaseStock(orderId, product, 1));

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(
                () -> TopicProbe.readAll(TestKafka.bootstrapServers(), DEAD_LETTERS).stream()
                        .map(r -> r.headers().lastHeader(DeadLetterHeaders.REASON))
                        .filter(Objects::nonNull)
                        .map(Header::value)
                        .anyMatch(reason -> expected.equals(new String(reason, StandardCharsets.UTF_8))));
        // Same product, so same partition: this verdict comes after the dead-lettered release.
        assertThat(reserve(unique("o"), product, 2).passed()).isTrue();
        JsonNode level = stock(product);
        assertThat(level.get("onHand").asLong()).isEqualTo(5);
        assertThat(level.get("reserved").asLong()).isEqualTo(2);
    }

    /** The contract's promise: under any concurrency available never goes below 0 and no unit is sold twice. */
    @Test
    void hundredConcurrentReservationsForThirtyUnitsReserveExactlyThirty() throws Exception {
        String product = unique("hot");
        assertThat(put(product, 30).status()).isEqualTo(200);
        List<ReserveStock> reservations = IntStream.range(0, 100)
                .mapToObj(i -> new ReserveStock(unique("o" + i), product, 1)).toList();
        int producers = 4;

        ConcurrentLinkedQueue<JsonNode> samples = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleWithFixedDelay(() -> {
            // Anything thrown here would silently end the sampling, so a failed read is just not a sample.
            try {
                HttpJson.Response answer = http.get("/stock/" + product);
                if (answer.status() == 200) {
                    samples.add(answer.json());
                }
            } catch (RuntimeException e) {
                // not a sample
            }
        }, 0, 20, TimeUnit.MILLISECONDS);
        ExecutorService writers = Executors.newFixedThreadPool(producers);
        CountDownLatch go = new CountDownLatch(1);
        Map<ReserveStock, OrderCheckCompleted> verdicts;
        try {
            List<Callable<Void>> sends = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                int first = p;
                List<ReserveStock> share = IntStream.range(0, reservations.size()).filter(i -> i % producers == first)
                        .mapToObj(reservations::get).toList();
                sends.add(() -> {
                    sendAll(share, go);
                    return null;
                });
            }
            List<Future<Void>> sent = sends.stream().map(writers::submit).toList();
            go.countDown();
            for (Future<Void> f : sent) {
                f.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
            verdicts = verdicts(reservations);
            await().atMost(PATIENCE).until(() -> samples.size() > 5);
        } finally {
            writers.shutdownNow();
            sampler.shutdown();
            assertThat(sampler.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        Map<Boolean, Long> byOutcome = verdicts.values().stream()
                .collect(Collectors.partitioningBy(OrderCheckCompleted::passed, Collectors.counting()));
        assertThat(byOutcome.get(true)).as("passed").isEqualTo(30);
        assertThat(byOutcome.get(false)).as("failed").isEqualTo(70);
        assertThat(verdicts.values().stream().filter(v -> !v.passed()).flatMap(v -> v.rejections().stream()))
                .extracting(Rejection::reason).containsOnly(RejectionReason.INSUFFICIENT_STOCK);

        assertThat(samples).allSatisfy(sample -> {
            assertThat(sample.get("available").asLong()).isNotNegative();
            assertThat(sample.get("reserved").asLong()).isLessThanOrEqualTo(30);
        });
        JsonNode end = stock(product);
        assertThat(end.get("available").asLong()).isZero();
        assertThat(end.get("reserved").asLong()).isEqualTo(30);
        assertThat(end.get("onHand").asLong()).isEqualTo(30);
    }

    /** One producer per thread, as several orders-service instances would write; all start together. */
    private static void sendAll(List<ReserveStock> requests, CountDownLatch go) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        Topic<String, StockRequest> topic = Topics.STOCK_REQUESTS;
        try (KafkaProducer<String, StockRequest> producer = new KafkaProducer<>(props,
                topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            go.await();
            List<Future<?>> acks = new ArrayList<>();
            for (ReserveStock request : requests) {
                acks.add(producer.send(new ProducerRecord<>(topic.name(), request.productId(), request)));
            }
            for (Future<?> ack : acks) {
                ack.get();
            }
        }
    }

    @Test
    void settingStockBelowTheReservedUnitsIsA409Problem() {
        String product = stocked(5);
        assertThat(reserve(unique("o"), product, 3).passed()).isTrue();

        HttpJson.Response refused = put(product, 2);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("status").asInt()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).isEqualTo(product + ": 3 units are reserved");
        assertThat(stock(product).get("onHand").asLong()).as("unchanged").isEqualTo(5);
        assertThat(put(product, 3).status()).as("exactly the reserved units is fine").isEqualTo(200);
    }

    static Stream<Arguments> badPuts() {
        return Stream.of(
                Arguments.of("negative quantity", "{\"quantity\":-1}", "quantity"),
                Arguments.of("fractional quantity", "{\"quantity\":1.5}", "quantity"),
                Arguments.of("quantity as string", "{\"quantity\":\"5\"}", "quantity"),
                Arguments.of("missing quantity", "{}", "quantity"),
                Arguments.of("null quantity", "{\"quantity\":null}", "quantity"),
                Arguments.of("malformed JSON", "{\"quantity\":", "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPuts")
    void badInputIsA400ProblemNamingTheFieldAndWritesNothing(String name, String json, String field) {
        String product = unique("bad");

        HttpJson.Response answer = http.put("/stock/" + product, json);

        assertProblem(answer, 400);
        assertThat(errorFields(answer)).as(answer.body()).contains(field);
        assertNoCommandFor(product);
        assertThat(http.get("/stock/" + product).status()).isEqualTo(404);
    }

    @Test
    void invalidProductIdsAre400ProblemsAndUnknownOnesAre404Problems() {
        assertIdProblem(http.get("/stock/bad%20id"), "productId");
        assertIdProblem(http.get("/stock/" + "x".repeat(65)), "productId");
        assertIdProblem(http.put("/stock/bad%20id", "{\"quantity\":1}"), "productId");
        assertProblem(http.get("/stock/" + unique("unknown")), 404);
        assertProblem(http.post("/stock/" + unique("p"), "text/plain", "{\"quantity\":1}".getBytes()), 405);
    }

    @Test
    void wrongMediaTypeIsA415Problem() {
        String product = unique("bad");
        HttpJson.Response answer = http.put("/stock/" + product, "text/plain", "{\"quantity\":1}".getBytes());
        assertProblem(answer, 415);
        assertNoCommandFor(product);
    }

    private static void assertNoCommandFor(String product) {
        assertThat(TopicProbe.readAll(TestKafka.bootstrapServers(), Topics.STOCK_COMMANDS))
                .as("nothing written to Kafka for a refused request")
                .noneMatch(r -> r.value().productId().equals(product));
    }

    /** The 401/403 matrix: stock is the admin's alone. */
    @Test
    void onlyTheAdminReadsAndSetsStock() {
        AccessChecks access = new AccessChecks(http, service.issuer());
        String product = unique("acl");
        String body = "{\"quantity\":5}";
        access.refusesWithoutAGoodToken("PUT", "/stock/" + product, body);
        access.refusesWithoutAGoodToken("GET", "/stock/" + product, null);
        for (String notAdmin : List.of(service.issuer().customer("c-1"), service.issuer().metrics())) {
            access.forbids(notAdmin, "PUT", "/stock/" + product, body);
            access.forbids(notAdmin, "GET", "/stock/" + product, null);
        }
        assertNoCommandFor(product);

        assertThat(http.put("/stock/" + product, body).status()).isEqualTo(200);
        assertThat(http.get("/stock/" + product).json().get("onHand").asInt()).isEqualTo(5);
    }
}
