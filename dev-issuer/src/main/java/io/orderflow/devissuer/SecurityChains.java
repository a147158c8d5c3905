package io.orderflow.devissuer;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three filter chains, first match wins: the authorization server's endpoints, the /dev endpoints (HTTP Basic
 * with registered clients), then everything else behind form login. Declaring any chain turns Boot's defaults off,
 * so the authorization server's chain is spelled out here as Boot would build it.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityChains {

    /** Client secrets and user passwords alike carry their encoding ({noop}, {bcrypt}, ...). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.authorizationEndpoint(endpoint -> endpoint.authorizationRequestConverters(
                            converters -> converters.replaceAll(UserScopedAuthorizationRequests::new)));
                    server.tokenEndpoint(endpoint -> endpoint.accessTokenRequestConverters(
                            converters -> converters.replaceAll(RegisteredScopesByDefault::new)));
                    server.oidc(Customizer.withDefaults());
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // /userinfo takes the access token as a bearer token.
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                // A browser that is not signed in yet is sent to the form login; other clients get OAuth2 errors.
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), browsers()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain devEndpointsChain(HttpSecurity http, RegisteredClientRepository clients,
            PasswordEncoder passwordEncoder, JsonMapper jsonMapper) throws Exception {
        ClientProblemResponses problems = new ClientProblemResponses(jsonMapper);
        // Clients only: without a parent manager a dev user's password never opens /dev.
        ProviderManager registeredClientsOnly =
                new ProviderManager(new RegisteredClientAuthenticationProvider(clients, passwordEncoder));
        http.securityMatcher("/dev/**")
                .authenticationManager(registeredClientsOnly)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority("SCOPE_" + Scopes.ADMIN))
                .httpBasic(basic -> basic.realmName(ClientProblemResponses.REALM).authenticationEntryPoint(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain formLoginChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    private static MediaTypeRequestMatcher browsers() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return html;
    }
}
