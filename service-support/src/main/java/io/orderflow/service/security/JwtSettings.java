package io.orderflow.service.security;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whose tokens a service accepts (contract: "Authentication and authorization"). Set by environment variable:
 * {@code ORDERFLOW_JWT_ISSUER_URI}, and {@code ORDERFLOW_JWT_JWK_SET_URI} where the services reach the issuer's
 * keys at another address than the one its tokens name (a container network).
 *
 * @param issuerUri the OpenID Connect issuer: the {@code iss} every token must carry; its keys are found by
 *                  discovery ({@code /.well-known/openid-configuration}) unless {@code jwkSetUri} is given
 * @param jwkSetUri where to fetch the issuer's signing keys; null: from the issuer's discovery document
 * @param audience  the {@code aud} every token must name
 * @param clockSkew how far {@code exp} and {@code nbf} may be off this machine's clock; the contract allows 30 s at most
 */
@ConfigurationProperties("orderflow.jwt")
public record JwtSettings(@DefaultValue("http://localhost:9000") URI issuerUri, URI jwkSetUri,
        @DefaultValue("orderflow") String audience, @DefaultValue("30s") Duration clockSkew) {

    static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(30);

    public JwtSettings {
        // An unset ORDERFLOW_JWT_JWK_SET_URI arrives as "": discovery then.
        jwkSetUri = jwkSetUri == null || jwkSetUri.toString().isEmpty() ? null : jwkSetUri;
        if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("orderflow.jwt.clock-skew must be between 0 and 30 s, was " + clockSkew);
        }
    }
}
