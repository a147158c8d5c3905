package io.orderflow.service.security;

import io.orderflow.service.web.ApiException;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is asking: the subject and scopes of the request's verified token, and the token itself, which a read
 * passed to another instance carries on. Taken on the request's thread ({@link #current()}) and handed on
 * explicitly to work that finishes on another one (the answer to a command).
 *
 * @param subject     the token's {@code sub}: a customer id for customer tokens, the client id for client tokens
 * @param authorities the token's scopes as authorities ({@link Scopes})
 * @param token       the encoded token, for requests made on the caller's behalf; null for {@link #NOBODY}
 */
public record Caller(String subject, Set<String> authorities, String token) {

    /** No verified token: what a request that needs none (health) is asked as. */
    public static final Caller NOBODY = new Caller("anonymous", Set.of(), null);

    public Caller {
        authorities = Set.copyOf(authorities);
    }

    /** The caller of the request being handled on this thread. */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken jwt ? of(jwt) : NOBODY;
    }

    /** The caller a verified token stands for. */
    public static Caller of(JwtAuthenticationToken jwt) {
        return new Caller(jwt.getName(), jwt.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet()), jwt.getToken().getTokenValue());
    }

    public boolean isAdmin() {
        return authorities.contains(Scopes.ADMIN);
    }

    /** Whether this caller may see and act on what belongs to {@code customerId}: the admin, or that customer. */
    public boolean mayActFor(String customerId) {
        return isAdmin() || (authorities.contains(Scopes.CUSTOMER) && subject.equals(customerId));
    }

    /** A {@code 403} problem unless {@link #mayActFor} the customer a request names. */
    public void requireActingFor(String customerId) {
        if (!mayActFor(customerId)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden",
                    "this token does not allow acting for customer '" + customerId + "'");
        }
    }
}
