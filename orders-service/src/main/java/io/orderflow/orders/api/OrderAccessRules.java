package io.orderflow.orders.api;

import io.orderflow.service.security.ApiAccessRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Analytics are the operator's. The order routes are open to the admin and to customers, each customer limited
 * to their own orders by the controller: the body's or query's {@code customerId} must be the token's subject
 * (else 403), and another customer's order reads as unknown (404).
 */
final class OrderAccessRules implements ApiAccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/analytics/**").access(ApiAccessRules.admin());
    }
}
