package io.orderflow.devissuer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.stereotype.Component;

/**
 * Mints a customer's access token without a sign-in, for scripts and tests. Same issuer, key, audience and claims
 * as the tokens of {@code /oauth2/token} (iss, sub, aud, iat, nbf, exp, jti, scope), so a resource server cannot
 * tell them apart.
 */
@Component
public class CustomerTokenIssuer {

    private final JwtEncoder encoder;
    private final String issuer;

    public CustomerTokenIssuer(JwtEncoder encoder, AuthorizationServerSettings settings) {
        this.encoder = encoder;
        this.issuer = settings.getIssuer();
    }

    public CustomerTokenResponse issue(String customerId, Duration timeToLive) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(customerId)
                .audience(List.of(Scopes.AUDIENCE))
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(timeToLive))
                .id(UUID.randomUUID().toString())
                .claim("scope", Set.of(Scopes.CUSTOMER))
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new CustomerTokenResponse(token, "Bearer", timeToLive.toSeconds(), Scopes.CUSTOMER);
    }
}
