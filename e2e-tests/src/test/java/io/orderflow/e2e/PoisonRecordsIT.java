package io.orderflow.e2e;

import static io.orderflow.e2e.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.events.topics.DeadLetterHeaders;
import io.orderflow.events.topics.Topic;
import io.orderflow.events.topics.Topics;
import io.orderflow.testsupport.http.HttpJson;
import io.orderflow.testsupport.kafka.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Malformed records on every topic a service reads, the command-result topics included, while the whole flow
 * runs: not JSON, not UTF-8, an unknown type, a future version, missing and absurd fields, a tombstone, a value
 * near the 1 MB record limit, a key that does not match the body, no key at all. Afterwards every service is
 * still ready, every kind of write is answered, an order still ships with stock and funds exact, and every
 * poisoned topic that a Streams app reads has its poison in a dead-letter topic with the reason.
 */
class PoisonRecordsIT {

    /** Topics read only by the REST layer's result listeners: their bad records are skipped, not dead-lettered. */
    private static final Set<String> RESULT_TOPICS = Set.of(Topics.ORDER_COMMAND_RESULTS.name(),
            Topics.STOCK_COMMAND_RESULTS.name(), Topics.ACCOUNT_COMMAND_RESULTS.name(),
            Topics.BASKET_COMMAND_RESULTS.name());

    /** A broker of its own: the poison stays out of the topics the other suites read. */
    @RegisterExtension
    static final OwnBroker.ForTheClass OWN = new OwnBroker.ForTheClass("orderflow-poison-");

    @Test
    void poisonOnEveryTopicStopsNoServiceAndLosesNothing() {
        Invariants books = new Invariants(OWN.suite());
        String product = unique("p");
        String customer = unique("c");
        books.stock(product, 10);
        books.fund(customer, "100.00");
        String before = new Fixtures(OWN.suite()).order(customer, product, 1, "5.00");

        Map<String, byte[]> poison = poison();
        for (Topic<?, ?> topic : Topics.ALL) {
            poison.forEach((name, value) -> TopicProbe.sendPoison(OWN.suite().bootstrapServers(), topic.name(),
                    name.equals("no-key") ? null : ("poison-" + name).getBytes(StandardCharsets.UTF_8), value));
        }

        // Every write path answers: stock, account, order, basket (add and checkout).
        String otherProduct = unique("p");
        books.stock(otherProduct, 5);
        String otherCustomer = unique("c");
        books.fund(otherCustomer, "50.00");
        String after = new Fixtures(OWN.suite()).order(customer, product, 2, "5.00");
        HttpJson.Response added = OWN.suite().basket().post("/baskets/" + otherCustomer + "/items",
                "{\"productId\":\"" + otherProduct + "\",\"quantity\":1,\"unitPrice\":4.00}");
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        HttpJson.Response checkout = OWN.suite().basket().post("/baskets/" + otherCustomer + "/checkout", "");
        assertThat(checkout.status()).as(checkout.toString()).isEqualTo(202);
        String checkedOut = checkout.json().get("orderId").asString();

        // The checkout's order may take a moment to appear (the contract says so).
        await().atMost(Duration.ofSeconds(60)).until(() -> OWN.suite().orders().get("/orders/" + checkedOut).status() == 200);
        Map<String, JsonNode> settled = books.assertSettled(List.of(before, after, checkedOut), Duration.ofSeconds(90));
        assertThat(settled.values()).extracting(o -> o.get("state").asString()).containsOnly("SHIPPED");
        for (String service : Suite.ALL) {
            assertThat(OWN.suite().http(service).get("/actuator/health/readiness").status()).as(service + " ready")
                    .isEqualTo(200);
        }

        Map<String, Set<String>> deadBySource = deadLettersBySourceTopic();
        for (Topic<?, ?> topic : Topics.ALL) {
            if (RESULT_TOPICS.contains(topic.name())) {
                continue;
            }
            Set<String> dead = deadBySource.getOrDefault(topic.name(), Set.of());
            // A tombstone is no event and no error: skipped. A record without a key is kept, under no key (not here).
            assertThat(dead).as("poison of " + topic.name() + " in a dead-letter topic")
                    .contains("poison-not-json", "poison-not-utf8", "poison-unknown-type", "poison-future-version",
                            "poison-missing-fields", "poison-absurd-fields", "poison-wrong-key", "poison-huge");
        }
        // The huge ReserveStock's reason quotes its 1 MB id: cut, and the dead letter keeps where the record is
        // instead of its bytes, since with the headers it would be over the record limit.
        ConsumerRecord<String, byte[]> huge = TopicProbe.readAll(OWN.suite().bootstrapServers(), new Topic<>(
                        Topics.deadLetterTopic("stock-service"), "any", Serdes.String(), Serdes.ByteArray()), true)
                .stream().filter(r -> "poison-huge".equals(r.key())
                        && Topics.STOCK_REQUESTS.name().equals(header(r, DeadLetterHeaders.SOURCE_TOPIC)))
                .findFirst().orElseThrow();
        assertThat(header(huge, DeadLetterHeaders.VALUE_OMITTED)).isNotEmpty();
        assertThat(huge.value()).isNull();
        assertThat(header(huge, DeadLetterHeaders.REASON)).hasSizeLessThan(1_100);
    }

    private static Map<String, byte[]> poison() {
        Map<String, byte[]> poison = new LinkedHashMap<>();
        poison.put("not-json", utf8("this is not json {"));
        poison.put("not-utf8", new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x7b});
        poison.put("unknown-type", utf8("{\"type\":\"Teleport\",\"version\":1}"));
        poison.put("future-version", utf8("{\"type\":\"ReserveStock\",\"version\":99,\"orderId\":\"o-x\","
                + "\"productId\":\"p-x\",\"quantity\":1}"));
        poison.put("missing-fields", utf8("{\"type\":\"ReserveStock\",\"version\":1}"));
        poison.put("absurd-fields", utf8("{\"type\":\"ReserveStock\",\"version\":1,\"orderId\":\"o x/y\","
                + "\"productId\":\"\",\"quantity\":-5}"));
        poison.put("tombstone", null);
        // Just under the producer's 1 MiB request limit: with the dead-letter headers it is over it.
        String hugeStart = "{\"type\":\"ReserveStock\",\"version\":1,\"orderId\":\"";
        String hugeEnd = "\",\"productId\":\"p-x\",\"quantity\":1}";
        poison.put("huge", utf8(hugeStart + "x".repeat(1_048_200 - hugeStart.length() - hugeEnd.length()) + hugeEnd));
        poison.put("wrong-key", utf8("{\"type\":\"ReserveStock\",\"version\":1,\"orderId\":\"o-poison\","
                + "\"productId\":\"p-poison\",\"quantity\":1}"));
        poison.put("no-key", utf8("{\"type\":\"ReserveStock\",\"version\":1,\"orderId\":\"o-poison\","
                + "\"productId\":\"p-poison\",\"quantity\":1}"));
        return poison;
    }

    /** Keys of the dead letters in every service's dead-letter topic, by the topic they came from. */
    private static Map<String, Set<String>> deadLettersBySourceTopic() {
        return Suite.ALL.stream()
                .flatMap(service -> TopicProbe.readAll(OWN.suite().bootstrapServers(), new Topic<>(
                        Topics.deadLetterTopic(service), "any", Serdes.String(), Serdes.ByteArray()), true)
                        .stream())
                .filter(r -> r.key() != null)
                .collect(Collectors.groupingBy(r -> header(r, DeadLetterHeaders.SOURCE_TOPIC),
                        Collectors.mapping(ConsumerRecord::key, Collectors.toSet())));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
