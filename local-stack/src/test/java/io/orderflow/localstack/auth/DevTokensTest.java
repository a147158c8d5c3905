package io.orderflow.localstack.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.orderflow.testsupport.concurrency.Concurrently;
import io.orderflow.testsupport.time.ManualClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DevTokens against a fake dev issuer (the JDK's HTTP server) that speaks the issuer's token contract. */
class DevTokensTest {

    private static final String ADMIN = basic("orderflow-admin:orderflow-admin-secret");
    private static final String METRICS = basic("orderflow-metrics:orderflow-metrics-secret");

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final Queue<String> requests = new ConcurrentLinkedQueue<>();
    private final AtomicInteger issued = new AtomicInteger();
    private volatile long expiresIn = 899;
    private volatile int refuseWith;
    private HttpServer issuer;
    private DevTokens tokens;

    @BeforeEach
    void startTheFakeIssuer() throws IOException {
        issuer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer.createContext("/oauth2/token", this::token);
        issuer.createContext("/dev/tokens", this::customerToken);
        issuer.start();
        tokens = DevTokens.at(URI.create("http://127.0.0.1:" + issuer.getAddress().getPort() + "/"), clock);
    }

    @AfterEach
    void stopIt() {
        issuer.stop(0);
    }

    /** Client credentials: the client is who its Basic credentials say. */
    private void token(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String client = ADMIN.equals(authorization) ? "admin" : METRICS.equals(authorization) ? "metrics" : null;
        if (client == null || !"POST".equals(exchange.getRequestMethod()) || !body.equals("grant_type=client_credentials")
                || !"application/x-www-form-urlencoded".equals(contentType)) {
            answer(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        issue(exchange, client);
    }

    /** Customer tokens: the admin client's credentials and the customer in a JSON body. */
    private void customerToken(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!ADMIN.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                || !"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))
                || !body.startsWith("{\"customerId\":\"")) {
            answer(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        issue(exchange, body.substring("{\"customerId\":\"".length(), body.length() - 2));
    }

    private void issue(HttpExchange exchange, String subject) throws IOException {
        requests.add(subject);
        if (refuseWith != 0) {
            answer(exchange, refuseWith, "{\"error\":\"server_error\",\"error_description\":\"keys not loaded\"}");
            return;
        }
        answer(exchange, 200, "{\"access_token\":\"" + subject + "-" + issued.incrementAndGet()
                + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + ",\"scope\":\"orderflow.x\"}");
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void eachClientAndCustomerHasItsOwnTokenFetchedOnceWhileFresh() {
        assertThat(tokens.admin()).isEqualTo("admin-1");
        assertThat(tokens.metrics()).isEqualTo("metrics-2");
        assertThat(tokens.customer("c-1")).isEqualTo("c-1-3");
        assertThat(tokens.customer("c-2")).isEqualTo("c-2-4");

        clock.advance(Duration.ofMinutes(10));
        assertThat(List.of(tokens.admin(), tokens.metrics(), tokens.customer("c-1"), tokens.customer("c-2")))
                .containsExactly("admin-1", "metrics-2", "c-1-3", "c-2-4");
        assertThat(requests).containsExactly("admin", "metrics", "c-1", "c-2");
        assertThat(tokens.issuer()).hasToString("http://127.0.0.1:" + issuer.getAddress().getPort());
    }

    @Test
    void aTokenIsReplacedWhenLessThanAFifthOfItsLifetimeIsLeft() {
        String first = tokens.customer("c-1");

        // 899 s: replaced 179.8 s before its end, i.e. after 719.2 s.
        clock.advance(Duration.ofSeconds(719));
        assertThat(tokens.customer("c-1")).isEqualTo(first);
        clock.advance(Duration.ofMillis(300));
        String second = tokens.customer("c-1");

        assertThat(second).isNotEqualTo(first);
        assertThat(requests).containsExactly("c-1", "c-1");
        // The new one counts from when it was asked for.
        clock.advance(Duration.ofSeconds(719));
        assertThat(tokens.customer("c-1")).isEqualTo(second);
    }

    @Test
    void theMarginIsAFifthAtLeastAMinuteAndAtMostHalfTheLifetime() {
        assertThat(DevTokens.refreshMargin(Duration.ofSeconds(900))).isEqualTo(Duration.ofSeconds(180));
        assertThat(DevTokens.refreshMargin(Duration.ofSeconds(200))).isEqualTo(Duration.ofSeconds(60));
        assertThat(DevTokens.refreshMargin(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void aShortLivedTokenIsReplacedAMinuteBeforeItsEnd() {
        expiresIn = 120;
        String first = tokens.admin();

        clock.advance(Duration.ofSeconds(59));
        assertThat(tokens.admin()).isEqualTo(first);
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.admin()).isNotEqualTo(first);
    }

    @Test
    void concurrentCallersShareOneFetch() {
        List<String> answers = Concurrently.call(200, 16, i -> tokens.customer("c-hot"));

        assertThat(answers).containsOnly("c-hot-1");
        assertThat(requests).containsExactly("c-hot");
    }

    @Test
    void aRefusalFailsWithTheStatusAndTheIssuersAnswer() {
        refuseWith = 503;

        assertThatThrownBy(() -> tokens.customer("c-1")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refused a token for customer c-1")
                .hasMessageContaining("HTTP 503")
                .hasMessageContaining("keys not loaded");

        // Nothing was cached: the next call asks again.
        refuseWith = 0;
        assertThat(tokens.customer("c-1")).isEqualTo("c-1-1");
    }

    @Test
    void wrongCredentialsAreA401WithTheIssuersError() {
        issuer.removeContext("/oauth2/token");
        issuer.createContext("/oauth2/token", exchange -> answer(exchange, 401, "{\"error\":\"invalid_client\"}"));

        assertThatThrownBy(tokens::admin).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refused a token for client orderflow-admin: HTTP 401 {\"error\":\"invalid_client\"}");
    }

    @Test
    void anIssuerThatIsNotThereFailsNamingIt() {
        int port = issuer.getAddress().getPort();
        issuer.stop(0);

        assertThatThrownBy(tokens::metrics).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the dev issuer at http://127.0.0.1:" + port + " did not answer");
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
