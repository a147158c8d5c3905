package io.orderflow.devissuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

class UserScopesTest {

    private static final Set<String> EVERY_SCOPE = Set.of("openid", "profile", "orderflow.admin", "orderflow.customer");
    private final DevUsers users = new DevUsers();

    @Test
    void aCustomerKeepsOpenIdScopesAndTheCustomerScope() {
        assertThat(UserScopes.narrow(EVERY_SCOPE, signedIn("c-1")))
                .containsExactlyInAnyOrder("openid", "profile", "orderflow.customer");
    }

    @Test
    void theAdminKeepsOpenIdScopesAndTheAdminScope() {
        assertThat(UserScopes.narrow(EVERY_SCOPE, signedIn("admin")))
                .containsExactlyInAnyOrder("openid", "profile", "orderflow.admin");
    }

    @Test
    void narrowingNeverAddsAScopeThatWasNotAskedFor() {
        assertThat(UserScopes.narrow(Set.of("orderflow.metrics"), signedIn("admin"))).isEmpty();
    }

    @Test
    void anyValidCustomerIdIsACustomerWithTheCustomerPassword() {
        UserDetails customer = users.loadUserByUsername("tenant:42.c_9-x");

        assertThat(customer.getPassword()).isEqualTo("{noop}customer");
        assertThat(customer.getAuthorities()).extracting(Object::toString).containsExactly("orderflow.customer");
    }

    @Test
    void aNameThatIsNoCustomerIdIsNoUser() {
        assertThatThrownBy(() -> users.loadUserByUsername("c".repeat(65))).isInstanceOf(UsernameNotFoundException.class);
        assertThatThrownBy(() -> users.loadUserByUsername("c 1")).isInstanceOf(UsernameNotFoundException.class);
    }

    private Authentication signedIn(String name) {
        UserDetails user = users.loadUserByUsername(name);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }
}
