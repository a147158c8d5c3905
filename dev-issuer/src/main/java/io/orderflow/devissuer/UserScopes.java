package io.orderflow.devissuer;

import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** What a signed-in user may be granted: the OpenID scopes plus the one scope their {@link DevUsers} role holds. */
final class UserScopes {

    private UserScopes() {
    }

    /** The requested scopes the user holds, in the order asked; a client asking for more simply gets less. */
    static Set<String> narrow(Set<String> requested, Authentication user) {
        Set<String> held = new LinkedHashSet<>(Scopes.OIDC);
        for (GrantedAuthority authority : user.getAuthorities()) {
            held.add(authority.getAuthority());
        }
        Set<String> narrowed = new LinkedHashSet<>();
        for (String scope : requested) {
            if (held.contains(scope)) {
                narrowed.add(scope);
            }
        }
        return narrowed;
    }
}
