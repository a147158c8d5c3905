package io.orderflow.basket.api;

import io.orderflow.service.security.ApiAccessRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/** A basket is its customer's (and the admin's): a path naming another customer is a 403 (contract). */
final class BasketAccessRules implements ApiAccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(BasketsController.BASKET, BasketsController.BASKET + "/**")
                .access(ApiAccessRules.adminOrCustomerIn("customerId"));
    }
}
