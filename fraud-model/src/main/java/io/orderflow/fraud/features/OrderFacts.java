package io.orderflow.fraud.features;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What payment-service knows of an order when it decides it, all from the order request and constant-size
 * state per customer: the request carries total, lines, units and creation time; the customer's fraud window
 * gives the orders of the hour before and the newest one's time; the account gives when it was funded.
 *
 * @param total              the order's total
 * @param lines              its number of lines
 * @param units              its units over all lines
 * @param createdAt          when orders-service created it
 * @param ordersLastHour     the customer's orders created in the hour before this one
 * @param amountLastHour     what those orders total
 * @param sincePreviousOrder time since the customer's previous order; null for a first order
 * @param sinceFunded        time since the customer's balance was first set; null for an unfunded customer
 *                           (or an account funded before payment kept the time)
 */
public record OrderFacts(BigDecimal total, int lines, int units, Instant createdAt, int ordersLastHour,
        BigDecimal amountLastHour, Duration sincePreviousOrder, Duration sinceFunded) {

    public OrderFacts {
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(amountLastHour, "amountLastHour");
        if (lines < 1 || units < lines || ordersLastHour < 0) {
            throw new IllegalArgumentException("lines >= 1, units >= lines and ordersLastHour >= 0 are required");
        }
    }
}
