package io.orderflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ServiceProcessTest {

    private static final Path ROOT = Path.of("/src/orderflow");

    @Test
    void firstInstancesKeepTheirPortsAndExtraOnesGetTheirOwnPortAndStateDir() {
        StackOptions options = StackOptions.parse(
                List.of("--services", "orders-service,stock-service", "--instances", "stock-service=3"), ROOT);
        AtomicInteger freePorts = new AtomicInteger(40000);

        List<ServiceProcess> plan = ServiceProcess.plan(options, ROOT, "1.2.3", freePorts::incrementAndGet);

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
        ServiceProcess second = ServiceProcess.plan(options, ROOT, "0.1.0-SNAPSHOT", () -> 45678).stream()
                .filter(s -> s.name().equals("payment-service-2")).findFirst().orElseThrow();

        assertThat(second.environment("127.0.0.1:9092"))
                .containsEntry("SERVER_PORT", "45678")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
                .containsEntry("ORDERFLOW_DATA_DIR", "/d/payment-service-2")
                .containsEntry("ORDERFLOW_ADVERTISED_HOST", "127.0.0.1");
    }

    @Test
    void noServicesPlansNothing() {
        assertThat(ServiceProcess.plan(StackOptions.parse(List.of("--no-services"), ROOT), ROOT, "v", () -> 1)).isEmpty();
    }
}
