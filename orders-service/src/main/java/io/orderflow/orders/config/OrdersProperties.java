package io.orderflow.orders.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param analytics settings of the hourly analytics
 * @param longPoll  settings of {@code GET /orders/{id}?until=...}
 */
@ConfigurationProperties("orders")
public record OrdersProperties(Analytics analytics, LongPoll longPoll) {

    /** @param grace how late (by creation time) an order may arrive and still be counted in its hour */
    public record Analytics(Duration grace) {
    }

    /** @param maxWait the longest a long-poll waits, whatever the client asks */
    public record LongPoll(Duration maxWait) {
    }
}
