package io.orderflow.localstack;

import io.orderflow.events.topics.Topic;
import io.orderflow.events.topics.Topics;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The five services and the ports their first instance gets, so URLs stay the same from run to run. Public for
 * the dead-letter tool, which takes a service name.
 */
public enum OrderflowService {
    ORDERS("orders-service", 8081),
    BASKET("basket-service", 8082),
    PAYMENT("payment-service", 8083),
    STOCK("stock-service", 8084),
    FULFILLMENT("fulfillment-service", 8085);

    private final String moduleName;
    private final int defaultPort;

    OrderflowService(String moduleName, int defaultPort) {
        this.moduleName = moduleName;
        this.defaultPort = defaultPort;
    }

    /** The Maven module, which is also the Streams application id and the dead-letter topic prefix. */
    public String moduleName() {
        return moduleName;
    }

    int defaultPort() {
        return defaultPort;
    }

    public static Optional<OrderflowService> byModuleName(String name) {
        return Arrays.stream(values()).filter(s -> s.moduleName.equals(name)).findFirst();
    }

    public static List<String> moduleNames() {
        return Arrays.stream(values()).map(OrderflowService::moduleName).toList();
    }

    /**
     * The topics to create before the services start: the shared ones ({@link Topics#ALL}) and each service's
     * dead-letter topic. (A service creates the same ones at start-up, but a broker that refuses automatic
     * creation should have them before any client asks.)
     */
    public static List<String> topicNames() {
        return Stream.concat(Topics.ALL.stream().map(Topic::name), moduleNames().stream().map(Topics::deadLetterTopic))
                .toList();
    }
}
