package io.orderflow.payment.config;

import java.math.BigDecimal;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param fraud settings of the fraud check */
@ConfigurationProperties("payment")
public record PaymentProperties(Fraud fraud) {

    public PaymentProperties {
        Objects.requireNonNull(fraud, "payment.fraud.hourly-limit must be set");
    }

    /**
     * @param hourlyLimit the most a customer's orders created within one hour may total; more is
     *                    {@code FRAUD_SUSPECTED} (property {@code payment.fraud.hourly-limit}, env
     *                    {@code PAYMENT_FRAUD_HOURLY_LIMIT}, default 10000.00)
     */
    public record Fraud(BigDecimal hourlyLimit) {

        public Fraud {
            Objects.requireNonNull(hourlyLimit, "payment.fraud.hourly-limit must be set");
        }
    }
}
