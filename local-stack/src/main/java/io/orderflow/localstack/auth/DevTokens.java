package io.orderflow.localstack.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bearer tokens from the dev issuer (module {@code dev-issuer}) for the tools that call the services: the
 * end-to-end tests, the benchmark, a developer's scripts. Thread-safe; each token is cached and fetched again once
 * less than a fifth of its lifetime is left (at least a minute, at most half of it), so a long run never sends an
 * expired one. A cached token costs a map look-up and a clock read, no lock.
 *
 * <p>The dev issuer's contract: {@code POST <issuer>/oauth2/token} with a client's HTTP Basic credentials and
 * {@code grant_type=client_credentials} for the admin and metrics clients; {@code POST <issuer>/dev/tokens} with
 * the admin client's credentials and {@code {"customerId": ...}} for a customer's token.
 */
public final class DevTokens {

    public static final String ADMIN_CLIENT_ID = "orderflow-admin";
    public static final String ADMIN_CLIENT_SECRET = "orderflow-admin-secret";
    public static final String METRICS_CLIENT_ID = "orderflow-metrics";
    public static final String METRICS_CLIENT_SECRET = "orderflow-metrics-secret";

    /** When an answer has no {@code expires_in}: short, so such a token is soon fetched again. */
    static final Duration UNKNOWN_LIFETIME = Duration.ofMinutes(5);
    private static final Duration MIN_MARGIN = Duration.ofMinutes(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.shared();

    private final URI issuer;
    private final Clock clock;
    private final HttpClient http;
    private final String adminBasic = basic(ADMIN_CLIENT_ID, ADMIN_CLIENT_SECRET);
    private final Slot admin;
    private final Slot metrics;
    private final Map<String, Slot> customers = new ConcurrentHashMap<>();

    private DevTokens(URI issuer, Clock clock) {
        String base = issuer.toString();
        this.issuer = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.clock = clock;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
        this.admin = new Slot(() -> clientCredentials(ADMIN_CLIENT_ID, adminBasic));
        String metricsBasic = basic(METRICS_CLIENT_ID, METRICS_CLIENT_SECRET);
        this.metrics = new Slot(() -> clientCredentials(METRICS_CLIENT_ID, metricsBasic));
    }

    /** Tokens from the dev issuer whose identifier (and base URL) is {@code issuer}, e.g. {@code http://localhost:9000}. */
    public static DevTokens at(URI issuer) {
        return at(issuer, Clock.systemUTC());
    }

    static DevTokens at(URI issuer, Clock clock) {
        return new DevTokens(issuer, clock);
    }

    public URI issuer() {
        return issuer;
    }

    /** A token of the admin client (scope {@code orderflow.admin}): set-up calls, any customer's data. */
    public String admin() {
        return admin.token();
    }

    /** A token of the metrics client (scope {@code orderflow.metrics}). */
    public String metrics() {
        return metrics.token();
    }

    /** A token of the customer {@code customerId} (scope {@code orderflow.customer}): that customer's own data. */
    public String customer(String customerId) {
        Objects.requireNonNull(customerId, "customerId");
        Slot slot = customers.get(customerId);
        if (slot == null) {
            slot = customers.computeIfAbsent(customerId, id -> new Slot(() -> customerToken(id)));
        }
        return slot.token();
    }

    private Token clientCredentials(String clientId, String basic) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token")).timeout(TIMEOUT)
                .header("Authorization", basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        return fetch(request, "a token for client " + clientId);
    }

    private Token customerToken(String customerId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/dev/tokens")).timeout(TIMEOUT)
                .header("Authorization", adminBasic)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("customerId", customerId))))
                .build();
        return fetch(request, "a token for customer " + customerId);
    }

    private Token fetch(HttpRequest request, String what) {
        // Asked-at, not answered-at: the lifetime counts from before the issuer signed it, so it ends no later.
        Instant asked = clock.instant();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the dev issuer at " + issuer + " did not answer for " + what + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the dev issuer at " + issuer + " for " + what, e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the dev issuer at " + issuer + " refused " + what + ": HTTP "
                    + response.statusCode() + " " + response.body());
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new IllegalStateException("the dev issuer at " + issuer + " answered " + what + " with no JSON: "
                    + response.body(), e);
        }
        String value = json.path("access_token").asString("");
        if (value.isBlank()) {
            throw new IllegalStateException("the dev issuer at " + issuer + " answered " + what
                    + " without an access_token: " + response.body());
        }
        long expiresIn = json.path("expires_in").asLong(-1);
        Duration lifetime = expiresIn > 0 ? Duration.ofSeconds(expiresIn) : UNKNOWN_LIFETIME;
        return new Token(value, asked.plus(lifetime).minus(refreshMargin(lifetime)));
    }

    /** How long before its end a token is replaced: a fifth of its lifetime, at least a minute, at most half of it. */
    static Duration refreshMargin(Duration lifetime) {
        Duration fifth = lifetime.dividedBy(5);
        Duration margin = fifth.compareTo(MIN_MARGIN) < 0 ? MIN_MARGIN : fifth;
        Duration half = lifetime.dividedBy(2);
        return margin.compareTo(half) > 0 ? half : margin;
    }

    private static String basic(String clientId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** @param refreshAt from then on the token is fetched again */
    private record Token(String value, Instant refreshAt) {
    }

    /** One cached token: read without a lock; fetched by one caller at a time, the others waiting for it. */
    private final class Slot {

        private final Supplier<Token> fetch;
        private volatile Token current;

        Slot(Supplier<Token> fetch) {
            this.fetch = fetch;
        }

        String token() {
            Token token = current;
            if (token != null && clock.instant().isBefore(token.refreshAt())) {
                return token.value();
            }
            synchronized (this) {
                token = current;
                if (token == null || !clock.instant().isBefore(token.refreshAt())) {
                    token = fetch.get();
                    current = token;
                }
                return token.value();
            }
        }
    }
}
