package io.orderflow.service.security;

import io.orderflow.service.web.ProblemWriter;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service is an OAuth2 resource server (contract: "Authentication and authorization"): each request but the
 * health probes needs a JWT from the configured issuer, checked by signature, {@code iss}, {@code exp}/{@code nbf}
 * (with at most 30 s of skew) and audience. Errors are problems: {@code 401} with {@code WWW-Authenticate: Bearer}
 * for a missing or bad token, {@code 403} for a good token without the right. Stateless: no session, no cookie,
 * so no CSRF to guard against.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(JwtSettings.class)
public class ApiSecurity {

    /** Distinct tokens whose signature is remembered as checked: many more than the clients of one instance. */
    private static final int VERIFIED_TOKENS = 10_000;

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, JwtDecoder decoder, ProblemWriter problems,
            ObjectProvider<ApiAccessRules> serviceRules) throws Exception {
        ProblemAuthenticationEntryPoint unauthorized = new ProblemAuthenticationEntryPoint(problems);
        ProblemAccessDeniedHandler forbidden = new ProblemAccessDeniedHandler(problems);
        http.csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(rules -> {
                    // The request itself was authorized; its async completion and error page are part of it.
                    rules.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll();
                    rules.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/liveness",
                            "/actuator/health/readiness").permitAll();
                    rules.requestMatchers("/actuator/prometheus")
                            .hasAnyAuthority(Scopes.ADMIN, Scopes.METRICS);
                    rules.requestMatchers("/actuator/**").hasAuthority(Scopes.ADMIN);
                    serviceRules.orderedStream().forEach(r -> r.apply(rules));
                    rules.anyRequest().access(AuthorityAuthorizationManager.hasAnyAuthority(Scopes.ADMIN, Scopes.CUSTOMER));
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(decoder))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden));
        return http.build();
    }

    /**
     * The issuer's keys are fetched on the first token, not at start-up: a service starts (and reports ready from
     * its Kafka state) while the issuer is still coming up, and fetches again on a key id it does not know.
     */
    @Bean
    JwtDecoder jwtDecoder(JwtSettings settings, ObjectProvider<Clock> clock) {
        OAuth2TokenValidator<Jwt> validator = validator(settings, clock.getIfAvailable(Clock::systemUTC));
        return new VerifiedTokens(new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = settings.jwkSetUri() != null
                    ? NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri().toString()).build()
                    : NimbusJwtDecoder.withIssuerLocation(settings.issuerUri().toString()).build();
            decoder.setJwtValidator(validator);
            return decoder;
        }), validator, VERIFIED_TOKENS);
    }

    /**
     * No Micrometer observation per filter, authentication and authorization of every request: they were 11% of
     * orders-service's CPU at its maximum rate (docs/benchmarks.md). Requests are still timed
     * ({@code http.server.requests}), and refusals show there by status.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** {@code exp} required and {@code nbf} honoured within the skew, {@code iss} exactly, the audience named. */
    static OAuth2TokenValidator<Jwt> validator(JwtSettings settings, Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(settings.clockSkew());
        timestamps.setAllowEmptyExpiryClaim(false);
        timestamps.setClock(clock);
        return new DelegatingOAuth2TokenValidator<>(List.of(timestamps,
                new JwtIssuerValidator(settings.issuerUri().toString()),
                new JwtAudienceValidator(settings.audience())));
    }
}
