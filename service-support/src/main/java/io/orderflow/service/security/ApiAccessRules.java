package io.orderflow.service.security;

import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * A service's own rules for its routes, declared beside its controllers and applied by {@link ApiSecurity}
 * before the rule every service shares (any other route: the admin or a customer, the service checking what
 * belongs to whom). Rules a path can decide are here; rules that need the data (whose order is this?) are in
 * the service, through {@link Caller}.
 */
@FunctionalInterface
public interface ApiAccessRules {

    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);

    /** Admin tokens only. */
    static AuthorizationManager<RequestAuthorizationContext> admin() {
        return AuthorityAuthorizationManager.hasAuthority(Scopes.ADMIN);
    }

    /**
     * The admin, or the customer whose id is the path variable {@code variable} (a route such as
     * {@code /baskets/{customerId}/**}): a path naming another customer is a {@code 403}.
     */
    static AuthorizationManager<RequestAuthorizationContext> adminOrCustomerIn(String variable) {
        return (Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) -> {
            Authentication who = authentication.get();
            if (!(who instanceof JwtAuthenticationToken)) {
                return new AuthorizationDecision(false);
            }
            Caller caller = Caller.of((JwtAuthenticationToken) who);
            String customerId = context.getVariables().get(variable);
            return new AuthorizationDecision(customerId != null && caller.mayActFor(customerId));
        };
    }
}
