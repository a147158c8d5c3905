package io.orderflow.stock.api;

import io.orderflow.service.security.ApiAccessRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/** Stock levels are the operator's: reads and writes need the admin scope (contract). */
final class StockAccessRules implements ApiAccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/stock/**").access(ApiAccessRules.admin());
    }
}
