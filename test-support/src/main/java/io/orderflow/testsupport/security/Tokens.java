package io.orderflow.testsupport.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Callers for MockMvc slices: the request runs through the services' real security filter chain as if it carried
 * a verified token with this subject and scope (the token's signature is the resource server's business,
 * proven by the integration tests against {@link TestIssuer}).
 */
public final class Tokens {

    private Tokens() {
    }

    public static RequestPostProcessor admin() {
        return caller(TestIssuer.ADMIN_SUBJECT, TestIssuer.ADMIN_SCOPE);
    }

    public static RequestPostProcessor customer(String customerId) {
        return caller(customerId, TestIssuer.CUSTOMER_SCOPE);
    }

    public static RequestPostProcessor caller(String subject, String scope) {
        return jwt().jwt(token -> token.subject(subject).claim("scope", scope))
                .authorities(new SimpleGrantedAuthority("SCOPE_" + scope));
    }
}
