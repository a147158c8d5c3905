package io.orderflow.orders.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.events.topics.DeadLetterHeaders;
import io.orderflow.events.topics.Topic;
import io.orderflow.events.topics.Topics;
import io.orderflow.orders.OrdersServiceApplication;
import io.orderflow.orders.OrdersServiceTestProperties;
import io.orderflow.testsupport.http.HttpJson;
import io.orderflow.testsupport.kafka.TestKafka;
import io.orderflow.testsupport.service.ServiceIT;
import io.orderflow.testsupport.service.ServiceUnderTest;
import io.orderflow.testsupport.kafka.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

/** Poison records on an input topic go to the dead-letter topic with their reason; the service goes on. */
@ServiceIT(value = OrdersServiceApplication.class, properties = OrdersServiceTestProperties.ORDER_TIMEOUT_SETTING)
class PoisonRecordsIT {

    private static final Topic<String, String> DLQ = new Topic<>(Topics.deadLetterTopic("orders-service"), "any",
            Serdes.String(), Serdes.String());
    private final HttpJson http;

    PoisonRecordsIT(ServiceUnderTest service) {
        this.http = service.http();
    }

    @Test
    void poisonIsDeadLetteredWithItsReasonAndTheNextOrderStillWorks() {
        String bootstrap = TestKafka.bootstrapServers();
        Map<String, String> poison = Map.of(
                "poison-not-json", "this is not json",
                "poison-unknown-type", "{\"type\":\"Teleport\",\"version\":1}",
                "poison-future", "{\"type\":\"CancelOrder\",\"version\":99,\"commandId\":\"c\",\"orderId\":\"o\",\"requestedAt\":\"2026-11-25T10:00:00Z\"}",
                "poison-missing-field", "{\"type\":\"CancelOrder\",\"version\":1,\"commandId\":\"c\"}");
        poison.forEach((key, value) -> TopicProbe.sendRaw(bootstrap, Topics.ORDER_COMMANDS.name(),
                key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8)));

        HttpJson.Response created = http.post("/orders", """
                {"id":"after-poison","customerId":"c-1","items":[{"productId":"p-1","quantity":1,"unitPrice":1.00}]}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(http.get("/orders/after-poison").status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> dead = TopicProbe.readAll(bootstrap, DLQ);
            Map<String, String> reasons = dead.stream().collect(Collectors.toMap(ConsumerRecord::key,
                    r -> header(r, DeadLetterHeaders.REASON), (a, b) -> a));
            assertThat(reasons.keySet()).containsAll(poison.keySet());
            assertThat(reasons.get("poison-not-json")).contains("not JSON");
            assertThat(reasons.get("poison-unknown-type")).contains("unknown type");
            assertThat(reasons.get("poison-future")).contains("newer");
            assertThat(reasons.get("poison-missing-field")).contains("invalid CancelOrder");
            ConsumerRecord<String, String> one = dead.stream().filter(r -> r.key().equals("poison-not-json")).findFirst().orElseThrow();
            assertThat(header(one, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(Topics.ORDER_COMMANDS.name());
            assertThat(header(one, DeadLetterHeaders.SOURCE_OFFSET)).isNotBlank();
        });
        assertThat(http.get("/actuator/prometheus").body()).contains("orderflow_dead_letters_total");
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return StreamSupport.stream(record.headers().headers(name).spliterator(), false)
                .map(h -> new String(h.value(), StandardCharsets.UTF_8)).findFirst().orElse(null);
    }
}
