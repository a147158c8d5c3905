package io.orderflow.devissuer;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Narrows the scopes of an authorization request to those the signed-in user holds before the authorization server
 * grants them, so the code's authorization, the token response's {@code scope} and the access token all agree. (A
 * client such as Spring's oauth2Login derives its user's authorities from the token response, not the JWT.)
 * Wraps the authorization endpoint's converters; a request whose user has not signed in yet passes unchanged and
 * is narrowed when the form login replays it.
 */
class UserScopedAuthorizationRequests implements AuthenticationConverter {

    private final AuthenticationConverter delegate;

    UserScopedAuthorizationRequests(AuthenticationConverter delegate) {
        this.delegate = delegate;
    }

    @Override
    public Authentication convert(HttpServletRequest request) {
        Authentication converted = delegate.convert(request);
        if (!(converted instanceof OAuth2AuthorizationCodeRequestAuthenticationToken authorizationRequest)
                || !(authorizationRequest.getPrincipal() instanceof Authentication user) || !isSignedIn(user)) {
            return converted;
        }
        Set<String> scopes = UserScopes.narrow(authorizationRequest.getScopes(), user);
        return new OAuth2AuthorizationCodeRequestAuthenticationToken(authorizationRequest.getAuthorizationUri(),
                authorizationRequest.getClientId(), user, authorizationRequest.getRedirectUri(),
                authorizationRequest.getState(), scopes, authorizationRequest.getAdditionalParameters());
    }

    private static boolean isSignedIn(Authentication user) {
        return user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken);
    }
}
