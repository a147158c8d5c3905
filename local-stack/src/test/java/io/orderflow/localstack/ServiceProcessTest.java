package io.orderflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

    private static final Path ROOT = Path.of("/src/orderflow");
    private static final URI ISSUER = URI.create("http://localhost:9000");

    @Test
    void firstInstancesKeepTheirPortsAndExtraOnesGetTheirOwnPortAndStateDir() {
        StackOptions options = StackOptions.parse(
                List.of("--services", "orders-service,stock-service", "--instances", "stock-service=3"), ROOT);
        AtomicInteger freePorts = new AtomicInteger(40000);

        List<ServiceProcess> plan = ServiceProcess.plan(options, ROOT, "1.2.3", freePorts::incrementAndGet, ISSUER);

        Path data = ROOT.resolve(".data");
        assertThat(plan).extracting(ServiceProcess::name, ServiceProcess::port, ServiceProcess::stateDir, ServiceProcess::logFile)
                .containsExactly(
                        tuple("orders-service", 8081, data.resolve("orders-service"), data.resolve("logs/orders-service.log")),
                        tuple("stock-service", 8084, data.resolve("stock-service"), data.resolve("logs/stock-service.log")),
                        tuple("stock-service-2", 40001, data.resolve("stock-service-2"), data.resolve("logs/stock-service-2.log")),
                        tuple("stock-service-3", 40002, data.resolve("stock-service-3"), data.resolve("logs/stock-service-3.log")));
        assertThat(plan.get(3).jar()).isEqualTo(ROOT.resolve("stock-service/target/stock-service-1.2.3-exec.jar"));
        assertThat(plan.get(0).url()).isEqualTo("http://localhost:8081");
    }

    @Test
    void everyInstanceGetsTheEnvironmentTheServicesRead() {
        StackOptions options = StackOptions.parse(List.of("--data-dir", "/d", "--instances", "payment-service=2"), ROOT);
        ServiceProcess second = ServiceProcess.plan(options, ROOT, "0.1.0-SNAPSHOT", () -> 45678, ISSUER).stream()
                .filter(s -> s.name().equals("payment-service-2")).findFirst().orElseThrow();

        assertThat(second.environment("127.0.0.1:9092"))
                .containsEntry("SERVER_PORT", "45678")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
                .containsEntry("ORDERFLOW_DATA_DIR", "/d/payment-service-2")
                .containsEntry("ORDERFLOW_ADVERTISED_HOST", "127.0.0.1")
                .containsEntry("ORDERFLOW_JWT_ISSUER_URI", "http://localhost:9000");
    }

    @Test
    void everyInstanceTrustsTheIssuerItIsGiven() {
        StackOptions options = StackOptions.parse(List.of("--instances", "all=2"), ROOT);
        URI issuer = URI.create("http://localhost:19000");

        assertThat(ServiceProcess.plan(options, ROOT, "v", () -> 45678, issuer)).hasSize(10)
                .allSatisfy(s -> assertThat(s.environment("127.0.0.1:9092"))
                        .containsEntry(ServiceProcess.JWT_ISSUER_URI_ENV, "http://localhost:19000"));
    }

    @Test
    void aTestsInstanceGetsTheIssuerThroughItsExtraEnvironment(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("orders-service/target"));
        Files.createFile(root.resolve("orders-service/target/orders-service-9.9-exec.jar"));

        ServiceProcess service = ServiceProcess.forTest("orders-service", "orders-service", 4321, root,
                root.resolve("state"), root.resolve("orders.log"),
                Map.of(ServiceProcess.JWT_ISSUER_URI_ENV, "http://localhost:4000"));

        assertThat(service.jar()).isEqualTo(root.resolve("orders-service/target/orders-service-9.9-exec.jar"));
        assertThat(service.environment("b:1")).containsEntry("ORDERFLOW_JWT_ISSUER_URI", "http://localhost:4000")
                .containsEntry("SERVER_PORT", "4321");
    }

    @Test
    void theKafkaCredentialsGivenAtStartAreInTheEnvironment(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("stock-service/target"));
        Files.createFile(root.resolve("stock-service/target/stock-service-9.9-exec.jar"));
        ServiceProcess service = ServiceProcess.forTest("stock-service", "stock-service", 4321, root,
                root.resolve("state"), root.resolve("log"), Map.of());
        Map<String, String> credentials = KafkaCredentials.generate(List.of("stock-service"))
                .serviceEnvironment("stock-service");

        assertThat(service.environment("b:1", credentials)).containsAllEntriesOf(credentials)
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "b:1");
        assertThat(service.module()).isEqualTo("stock-service");
    }

    @Test
    void noServicesPlansNothing() {
        assertThat(ServiceProcess.plan(StackOptions.parse(List.of("--no-services"), ROOT), ROOT, "v", () -> 1, ISSUER))
                .isEmpty();
    }
}
