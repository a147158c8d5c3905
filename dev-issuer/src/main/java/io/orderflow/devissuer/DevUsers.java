package io.orderflow.devissuer;

import io.orderflow.events.Ids;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The form login's users: {@code admin}/{@code admin} is the operator; any other name that is a valid customer id,
 * with the password {@code customer}, is that customer. Each user's one authority is the scope they hold, which
 * {@link OrderflowTokenCustomizer} narrows their tokens to.
 */
@Component
public class DevUsers implements UserDetailsService {

    static final String ADMIN_USER = "admin";

    @Override
    public UserDetails loadUserByUsername(String username) {
        if (ADMIN_USER.equals(username)) {
            return User.withUsername(username).password("{noop}admin")
                    .authorities(AuthorityUtils.createAuthorityList(Scopes.ADMIN)).build();
        }
        if (Ids.isValid(username)) {
            return User.withUsername(username).password("{noop}customer")
                    .authorities(AuthorityUtils.createAuthorityList(Scopes.CUSTOMER)).build();
        }
        throw new UsernameNotFoundException("not a dev user: a customer id " + Ids.MESSAGE);
    }
}
