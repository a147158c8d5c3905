package io.orderflow.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.testsupport.time.ManualClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** A token is verified once; its later uses are validated again, so it stops working when it expires. */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final JwtSettings SETTINGS = new JwtSettings(URI.create("http://issuer"), null, "orderflow",
            Duration.ofSeconds(30));

    private final ManualClock clock = new ManualClock(NOW);
    private final OAuth2TokenValidator<Jwt> validator = ApiSecurity.validator(SETTINGS, clock);
    private final AtomicInteger decoded = new AtomicInteger();
    private final JwtDecoder slow = token -> {
        decoded.incrementAndGet();
        return Jwt.withTokenValue(token).header("alg", "RS256").issuer("http://issuer").audience(java.util.List.of("orderflow"))
                .subject(token).issuedAt(NOW).expiresAt(NOW.plusSeconds(300)).build();
    };

    @Test
    void aTokenIsVerifiedOnceAndThenOnlyValidated() {
        VerifiedTokens tokens = new VerifiedTokens(slow, validator, 10);

        assertThat(tokens.decode("t-1").getSubject()).isEqualTo("t-1");
        assertThat(tokens.decode("t-1").getSubject()).isEqualTo("t-1");
        assertThat(tokens.decode("t-2").getSubject()).isEqualTo("t-2");

        assertThat(decoded).hasValue(2);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItHasExpired() {
        VerifiedTokens tokens = new VerifiedTokens(slow, validator, 10);
        tokens.decode("t-1");

        clock.advance(Duration.ofSeconds(300 + 31));

        assertThatThrownBy(() -> tokens.decode("t-1")).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void aFullCacheStartsAfresh() {
        VerifiedTokens tokens = new VerifiedTokens(slow, validator, 2);
        tokens.decode("t-1");
        tokens.decode("t-2");
        tokens.decode("t-3");
        tokens.decode("t-3");

        assertThat(decoded).hasValue(3);
        tokens.decode("t-1");
        assertThat(decoded).as("t-1 was forgotten when the cache was full").hasValue(4);
    }
}
