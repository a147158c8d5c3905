package io.orderflow.devissuer;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * HTTP Basic for the /dev endpoints, checked against the authorization server's own registered clients and password
 * encoder, so each client's secret is configured once. A client gets {@code SCOPE_x} authorities only for scopes it
 * could obtain for itself with client_credentials: the dashboard client, whose scopes belong to its users, gets none.
 */
class RegisteredClientAuthenticationProvider implements AuthenticationProvider {

    private final RegisteredClientRepository clients;
    private final PasswordEncoder passwordEncoder;

    RegisteredClientAuthenticationProvider(RegisteredClientRepository clients, PasswordEncoder passwordEncoder) {
        this.clients = clients;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String clientId = authentication.getName();
        Object secret = authentication.getCredentials();
        RegisteredClient client = clientId == null ? null : clients.findByClientId(clientId);
        if (client == null || client.getClientSecret() == null || !(secret instanceof String given)
                || !passwordEncoder.matches(given, client.getClientSecret())) {
            throw new BadCredentialsException("unknown client or wrong secret");
        }
        return UsernamePasswordAuthenticationToken.authenticated(clientId, null, authoritiesOf(client));
    }

    private static List<GrantedAuthority> authoritiesOf(RegisteredClient client) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.CLIENT_CREDENTIALS)) {
            client.getScopes().forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
        }
        return authorities;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
