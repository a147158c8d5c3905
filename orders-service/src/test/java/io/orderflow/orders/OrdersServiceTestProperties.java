package io.orderflow.orders;

import io.orderflow.testsupport.kafka.TestKafka;
import java.time.Duration;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What every orders-service test context is given. Spring keeps each context of a test JVM running, and all of
 * them join one consumer group on the one test broker, so they share the order partitions like instances of one
 * service: they must agree on the settings that decide about orders, the order timeout above all.
 */
public final class OrdersServiceTestProperties {

    /** Short, so a test sees an order time out; long enough for a test to act on an order before it does. */
    public static final Duration ORDER_TIMEOUT = Duration.ofSeconds(3);

    private OrdersServiceTestProperties() {
    }

    /** Call from a {@code @DynamicPropertySource} method. */
    public static void register(DynamicPropertyRegistry registry, int port) {
        TestKafka.register(registry);
        registry.add("server.port", () -> port);
        registry.add("orderflow.order-timeout", ORDER_TIMEOUT::toString);
    }
}
