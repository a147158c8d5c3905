package io.orderflow.service.security;

/**
 * The contract's scopes, as the authorities Spring Security gives a token's {@code scope} claim
 * ({@code SCOPE_} + the scope).
 */
public final class Scopes {

    /** Everything: stock and balance writes, any customer's data, analytics, actuator. */
    public static final String ADMIN = "SCOPE_orderflow.admin";
    /** One customer's own orders, basket, account (read) and shipments; the customer is the token's {@code sub}. */
    public static final String CUSTOMER = "SCOPE_orderflow.customer";
    /** What a Prometheus scraper's client gets: {@code /actuator/prometheus} and nothing else. */
    public static final String METRICS = "SCOPE_orderflow.metrics";

    private Scopes() {
    }
}
