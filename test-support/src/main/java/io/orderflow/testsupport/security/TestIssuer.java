package io.orderflow.testsupport.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * An OpenID Connect issuer for the services' integration tests: a real HTTP server with a discovery document and
 * a JWKS, and RS256 tokens signed with its key. Unlike the dev issuer it mints any token a test needs, the bad
 * ones included (expired, another audience, not yet valid), which is what a 401 matrix is made of; the
 * end-to-end tests use the real dev issuer. One {@link #shared()} per test JVM; {@link #start()} for a second,
 * foreign issuer.
 */
public final class TestIssuer implements AutoCloseable {

    public static final String AUDIENCE = "orderflow";
    public static final String ADMIN_SCOPE = "orderflow.admin";
    public static final String CUSTOMER_SCOPE = "orderflow.customer";
    public static final String METRICS_SCOPE = "orderflow.metrics";
    /** The {@code sub} of {@link #admin()} tokens: the operator's client, as the dev issuer names it. */
    public static final String ADMIN_SUBJECT = "orderflow-admin";
    private static final Duration LIFETIME = Duration.ofMinutes(15);

    private static TestIssuer shared;
    private static TestIssuer foreign;

    private final HttpServer server;
    private final RSAKey key;
    private final String uri;

    private TestIssuer(HttpServer server, RSAKey key) {
        this.server = server;
        this.key = key;
        this.uri = "http://localhost:" + server.getAddress().getPort();
    }

    /** The issuer every service under test in this JVM trusts (started on first use). */
    public static synchronized TestIssuer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "test-issuer-stop"));
        }
        return shared;
    }

    /** A second issuer in this JVM that no service trusts: its tokens must be refused. */
    public static synchronized TestIssuer foreign() {
        if (foreign == null) {
            foreign = start();
            Runtime.getRuntime().addShutdownHook(new Thread(foreign::close, "foreign-issuer-stop"));
        }
        return foreign;
    }

    /** A new issuer of its own, on a free port, with a key of its own. */
    public static TestIssuer start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString())
                    .generate();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TestIssuer issuer = new TestIssuer(server, key);
            server.createContext("/.well-known/openid-configuration", exchange -> issuer.reply(exchange,
                    "{\"issuer\":\"" + issuer.uri + "\",\"jwks_uri\":\"" + issuer.uri + "/jwks\","
                            + "\"subject_types_supported\":[\"public\"],"
                            + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
            server.createContext("/jwks", exchange -> issuer.reply(exchange,
                    new JWKSet(key.toPublicJWK()).toString()));
            server.start();
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the services under test are given as {@code orderflow.jwt.issuer-uri}. */
    public String uri() {
        return uri;
    }

    public String admin() {
        return token(ADMIN_SUBJECT, ADMIN_SCOPE);
    }

    public String metrics() {
        return token("orderflow-metrics", METRICS_SCOPE);
    }

    public String customer(String customerId) {
        return token(customerId, CUSTOMER_SCOPE);
    }

    /** A valid token for {@code subject} with {@code scope} (space-separated scopes). */
    public String token(String subject, String scope) {
        return token(subject, scope, claims -> claims);
    }

    /**
     * A token for {@code subject} with {@code scope}, its claims changed by {@code change} (an expiry in the past,
     * another audience...): what a matrix test needs to see refused.
     */
    public String token(String subject, String scope, UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(uri).subject(subject).audience(List.of(AUDIENCE))
                .claim("scope", scope).issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME))).jwtID(UUID.randomUUID().toString());
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), change.apply(claims).build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** Tokens that must get a 401 from a service trusting this issuer, by what is wrong with each. */
    public java.util.Map<String, String> badTokens(String subject, String scope) {
        Instant now = Instant.now();
        Date longAgo = Date.from(now.minus(Duration.ofHours(1)));
        return java.util.Map.of(
                "expired a minute ago", token(subject, scope, c -> c.issueTime(longAgo).notBeforeTime(longAgo)
                        .expirationTime(Date.from(now.minusSeconds(60)))),
                "another audience", token(subject, scope, c -> c.audience("another-api")),
                "another issuer", foreign().token(subject, scope),
                "another issuer's key, this issuer's name", foreign().token(subject, scope, c -> c.issuer(uri)));
    }

    private void reply(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
