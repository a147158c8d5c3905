package io.orderflow.orders;

import java.time.Duration;

/**
 * What every orders-service test context is given. Spring keeps each context of a test JVM running, and all of
 * them join one consumer group on the one test broker, so they share the order partitions like instances of one
 * service: they must agree on the settings that decide about orders, the order timeout above all.
 */
public final class OrdersServiceTestProperties {

    /**
     * Short, so a test sees an order time out; long enough for a test to act on an order before it does. As a
     * setting, for {@code @ServiceIT(properties = ...)}.
     */
    public static final String ORDER_TIMEOUT_SETTING = "orderflow.order-timeout=PT3S";

    public static final Duration ORDER_TIMEOUT =
            Duration.parse(ORDER_TIMEOUT_SETTING.substring(ORDER_TIMEOUT_SETTING.indexOf('=') + 1));

    private OrdersServiceTestProperties() {
    }
}
