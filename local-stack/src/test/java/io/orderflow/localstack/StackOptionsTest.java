package io.orderflow.localstack;

import static io.orderflow.localstack.OrderflowService.BASKET;
import static io.orderflow.localstack.OrderflowService.ORDERS;
import static io.orderflow.localstack.OrderflowService.PAYMENT;
import static io.orderflow.localstack.OrderflowService.STOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackOptionsTest {

    private static final Path ROOT = Path.of("/work/orderflow");

    private static StackOptions parse(String... args) {
        return StackOptions.parse(List.of(args), ROOT);
    }

    @Test
    void defaultsStartEverythingOnceOnTheUsualPorts() {
        StackOptions options = parse();

        assertThat(options.dataDir()).isEqualTo(ROOT.resolve(".data"));
        assertThat(options.clean()).isFalse();
        assertThat(options.startServices()).isTrue();
        assertThat(options.services()).containsExactly(OrderflowService.values());
        assertThat(options.services()).allSatisfy(s -> assertThat(options.instancesOf(s)).isEqualTo(1));
        assertThat(options.kafkaPort()).isEqualTo(9092);
        assertThat(options.controllerPort()).isEqualTo(9093);
        assertThat(options.issuerPort()).isEqualTo(9000);
        assertThat(options.help()).isFalse();
    }

    @Test
    void kafkaIsSecuredUnlessAskedOtherwise() {
        assertThat(parse().secureKafka()).isTrue();
        assertThat(parse("--insecure-kafka").secureKafka()).isFalse();
    }

    @Test
    void readsEveryOption() {
        StackOptions options = parse("--data-dir", "/tmp/stack", "--clean", "--services", "stock-service,orders-service",
                "--instances", "stock-service=2", "--kafka-port", "19092", "--issuer-port", "19000");

        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/stack"));
        assertThat(options.clean()).isTrue();
        // Canonical order, whatever order was typed.
        assertThat(options.services()).containsExactly(ORDERS, STOCK);
        assertThat(options.instancesOf(STOCK)).isEqualTo(2);
        assertThat(options.instancesOf(ORDERS)).isEqualTo(1);
        assertThat(options.instancesOf(PAYMENT)).isZero();
        assertThat(options.kafkaPort()).isEqualTo(19092);
        assertThat(options.controllerPort()).isEqualTo(19093);
        assertThat(options.issuerPort()).isEqualTo(19000);
    }

    @Test
    void acceptsEqualsFormAndSeveralInstanceCounts() {
        StackOptions options = parse("--instances=stock-service=2,payment-service=3", "--instances", "basket-service=2",
                "--kafka-port=9192", "--issuer-port=9100");

        assertThat(options.instancesOf(STOCK)).isEqualTo(2);
        assertThat(options.instancesOf(PAYMENT)).isEqualTo(3);
        assertThat(options.instancesOf(BASKET)).isEqualTo(2);
        assertThat(options.kafkaPort()).isEqualTo(9192);
        assertThat(options.issuerPort()).isEqualTo(9100);
    }

    @Test
    void allAppliesToTheChosenServicesOnly() {
        StackOptions options = parse("--services", "orders-service,stock-service", "--instances", "all=2");

        assertThat(options.instancesOf(ORDERS)).isEqualTo(2);
        assertThat(options.instancesOf(STOCK)).isEqualTo(2);
        assertThat(options.instancesOf(PAYMENT)).isZero();
    }

    @Test
    void relativeDataDirIsTakenFromTheProjectRoot() {
        assertThat(parse("--data-dir", "tmp/../other").dataDir()).isEqualTo(ROOT.resolve("other"));
    }

    @Test
    void noServicesMeansBrokerOnly() {
        StackOptions options = parse("--no-services");

        assertThat(options.startServices()).isFalse();
        assertThat(options.services()).isEmpty();
    }

    @Test
    void help() {
        assertThat(parse("-h").help()).isTrue();
        assertThat(parse("--help").help()).isTrue();
        assertThat(StackOptions.USAGE).contains("--instances", "--issuer-port", "orders-service", "fulfillment-service");
    }

    @Test
    void rejectsMistakesWithAMessageForTheUser() {
        assertThatThrownBy(() -> parse("--frobnicate")).hasMessageContaining("Unknown option: --frobnicate");
        assertThatThrownBy(() -> parse("--services", "order-service")).hasMessageContaining("Unknown service: order-service");
        assertThatThrownBy(() -> parse("--instances", "stock-service")).hasMessageContaining("service=N");
        assertThatThrownBy(() -> parse("--instances", "stock-service=0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> parse("--instances", "stock-service=two")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> parse("--kafka-port", "abc")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> parse("--kafka-port", "70000")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> parse("--kafka-port", "65535")).hasMessageContaining("--kafka-port out of range");
        assertThatThrownBy(() -> parse("--issuer-port", "0")).hasMessageContaining("--issuer-port out of range");
        assertThatThrownBy(() -> parse("--issuer-port", "x")).hasMessageContaining("--issuer-port: not a number");
        assertThatThrownBy(() -> parse("--issuer-port")).hasMessageContaining("--issuer-port needs a value");
        assertThatThrownBy(() -> parse("--data-dir")).hasMessageContaining("--data-dir needs a value");
        assertThatThrownBy(() -> parse("--data-dir", "--clean")).hasMessageContaining("--data-dir needs a value");
        assertThatThrownBy(() -> parse("--services", "orders-service", "--instances", "stock-service=2"))
                .hasMessageContaining("not in --services");
    }

    @Test
    void theIssuerPortMayNotBeKafkasOrAServicesPort() {
        assertThatThrownBy(() -> parse("--issuer-port", "9092")).hasMessageContaining("one of Kafka's ports (9092, 9093)");
        assertThatThrownBy(() -> parse("--kafka-port", "8999")).hasMessageContaining("--issuer-port 9000 is one of Kafka's ports");
        assertThatThrownBy(() -> parse("--issuer-port", "8084")).hasMessageContaining("stock-service's port");
        // Only the services started count, and with --no-services there is no issuer at all.
        assertThat(parse("--services", "orders-service", "--issuer-port", "8084").issuerPort()).isEqualTo(8084);
        assertThat(parse("--no-services", "--kafka-port", "8999").kafkaPort()).isEqualTo(8999);
    }
}
