package io.orderflow.devissuer;

import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Shapes every access token the authorization server signs: the audience is {@code ["orderflow"]} (not the client
 * id), and a token obtained for a signed-in user carries only the scopes that user holds, whatever the client
 * asked for. {@link UserScopedAuthorizationRequests} already narrows what the user is granted, so the token response
 * agrees; this keeps the signed claim right whatever path a token takes. ID tokens are left alone: their audience
 * must stay the client.
 */
@Component
public class OrderflowTokenCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        context.getClaims().audience(List.of(Scopes.AUDIENCE));
        if (isOnBehalfOfUser(context.getAuthorizationGrantType())) {
            Set<String> scopes = UserScopes.narrow(context.getAuthorizedScopes(), context.getPrincipal());
            context.getClaims().claims(claims -> {
                if (scopes.isEmpty()) {
                    claims.remove(OAuth2ParameterNames.SCOPE);
                } else {
                    claims.put(OAuth2ParameterNames.SCOPE, scopes);
                }
            });
        }
    }

    /** The refresh grant renews a user's token, so it is narrowed the same way as the code grant's. */
    private static boolean isOnBehalfOfUser(AuthorizationGrantType grantType) {
        return AuthorizationGrantType.AUTHORIZATION_CODE.equals(grantType)
                || AuthorizationGrantType.REFRESH_TOKEN.equals(grantType);
    }
}
