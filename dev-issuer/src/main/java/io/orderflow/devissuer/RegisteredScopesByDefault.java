package io.orderflow.devissuer;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * A client_credentials request without a {@code scope} parameter gets every scope the client is registered with
 * (RFC 6749 section 3.3 lets a server default the scope). Spring Authorization Server would grant none, and the
 * contract's {@code grant_type=client_credentials} alone must give the admin client {@code orderflow.admin}.
 * Wraps the token endpoint's converters; every other grant passes unchanged.
 */
class RegisteredScopesByDefault implements AuthenticationConverter {

    private final AuthenticationConverter delegate;

    RegisteredScopesByDefault(AuthenticationConverter delegate) {
        this.delegate = delegate;
    }

    @Override
    public Authentication convert(HttpServletRequest request) {
        Authentication converted = delegate.convert(request);
        if (converted instanceof OAuth2ClientCredentialsAuthenticationToken grant && grant.getScopes().isEmpty()
                && grant.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
                && client.getRegisteredClient() != null) {
            return new OAuth2ClientCredentialsAuthenticationToken(client, client.getRegisteredClient().getScopes(),
                    grant.getAdditionalParameters());
        }
        return converted;
    }
}
