package io.orderflow.payment.api;

import io.orderflow.service.security.ApiAccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/** Balances are set by the admin only; a customer reads their own account (contract). */
final class AccountAccessRules implements ApiAccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, AccountsController.ACCOUNT)
                .access(ApiAccessRules.adminOrCustomerIn("customerId"));
        rules.requestMatchers("/accounts/**").access(ApiAccessRules.admin());
    }
}
