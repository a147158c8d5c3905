package io.orderflow.e2e;

import static io.orderflow.e2e.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.events.topics.Topics;
import io.orderflow.localstack.KafkaAcls;
import io.orderflow.localstack.KafkaBrokerProcess;
import io.orderflow.localstack.OrderflowService;
import io.orderflow.testsupport.http.FreePorts;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The five services on a broker secured exactly as the local stack runs it (SASL/SCRAM-SHA-512, StandardAuthorizer,
 * the ACLs of {@link KafkaAcls}, topics created by the admin): they still ship an order, while a principal cannot
 * write what its service does not own and a client without credentials gets nowhere.
 */
class KafkaAclsIT {

    private static KafkaBrokerProcess broker;
    private static Suite suite;

    @BeforeAll
    static void start() throws Exception {
        broker = KafkaBrokerProcess.secured(Files.createTempDirectory("orderflow-acls-"), FreePorts.next(),
                FreePorts.next(), System.getProperty("java.class.path"), OrderflowService.moduleNames());
        broker.start();
        broker.awaitReady(Duration.ofSeconds(60));
        broker.createTopics(OrderflowService.topicNames(), Topics.PARTITIONS);
        broker.createAcls(KafkaAcls.forServices(OrderflowService.moduleNames()));
        suite = Suite.start(Suite.ALL, broker.bootstrapServers(), module -> broker.credentials().serviceEnvironment(module));
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
        if (broker != null) {
            broker.stop(Duration.ofSeconds(30));
        }
    }

    @Test
    void theServicesShipAnOrderAsTheirOwnPrincipals() {
        Fixtures given = new Fixtures(suite);
        String product = unique("p");
        String customer = unique("c");
        given.stock(product, 5);
        given.fund(customer, "50.00");
        String orderId = given.order(customer, product, 1, "9.50");

        assertThat(given.awaitState(orderId, "SHIPPED").get("shipmentId").isNull()).isFalse();
    }

    @Test
    void basketCannotWriteOrderValidations() {
        Map<String, Object> config = new HashMap<>(broker.clientProperties("basket-service"));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.ORDER_VALIDATIONS.name(), "o-1", "{}"))
                    .get(15, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aClientWithoutCredentialsCannotConnect() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000))) {
            assertThatThrownBy(() -> admin.describeCluster(new DescribeClusterOptions().timeoutMs(3_000))
                    .clusterId().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
        }
    }
}
