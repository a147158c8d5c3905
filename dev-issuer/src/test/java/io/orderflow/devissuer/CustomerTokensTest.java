package io.orderflow.devissuer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "orderflow.dev-issuer.issuer-uri=" + IssuerHttp.ISSUER)
class CustomerTokensTest {

    @LocalServerPort
    int port;
    IssuerHttp issuer;

    @BeforeEach
    void connect() {
        issuer = new IssuerHttp(port);
    }

    @Test
    void theAdminClientMintsACustomerTokenThatVerifiesAgainstTheJwks() {
        HttpResponse<String> response = issuer.postJson("/dev/tokens", IssuerHttp.ADMIN, "{\"customerId\":\"c-1\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = IssuerHttp.json(response);
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(900);
        assertThat(body.get("scope").asString()).isEqualTo("orderflow.customer");
        Jwt token = issuer.verify(body.get("access_token").asString());
        assertThat(token.getSubject()).isEqualTo("c-1");
        assertThat(token.getClaimAsStringList("scope")).containsExactly("orderflow.customer");
        assertThat(token.getAudience()).containsExactly("orderflow");
        assertThat(token.getIssuer().toString()).isEqualTo(IssuerHttp.ISSUER);
        assertThat(token.getHeaders()).containsEntry("alg", "RS256").containsKey("kid");
        assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofSeconds(900));
    }

    @Test
    void withoutCredentialsItIsAnUnauthorizedProblemNamingTheBasicRealm() {
        HttpResponse<String> response = issuer.postJson("/dev/tokens", null, "{\"customerId\":\"c-1\"}");

        assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"orderflow-dev-issuer\"");
    }

    @Test
    void aWrongSecretIsAnUnauthorizedProblem() {
        HttpResponse<String> response = issuer.postJson("/dev/tokens",
                IssuerHttp.basic("orderflow-admin", "orderflow-metrics-secret"), "{\"customerId\":\"c-1\"}");

        assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"orderflow-dev-issuer\"");
    }

    @Test
    void aDevUsersPasswordDoesNotOpenDevEndpoints() {
        HttpResponse<String> response = issuer.postJson("/dev/tokens", IssuerHttp.basic("admin", "admin"),
                "{\"customerId\":\"c-1\"}");

        assertProblem(response, 401);
    }

    @Test
    void theMetricsClientIsForbidden() {
        assertProblem(issuer.postJson("/dev/tokens", IssuerHttp.METRICS, "{\"customerId\":\"c-1\"}"), 403);
    }

    @Test
    void theDashboardClientIsForbiddenItsAdminScopeBelongsToItsUsers() {
        assertProblem(issuer.postJson("/dev/tokens", IssuerHttp.DASHBOARD, "{\"customerId\":\"c-1\"}"), 403);
    }

    @Test
    void anInvalidCustomerIdIsABadRequestNamingTheField() {
        HttpResponse<String> response = issuer.postJson("/dev/tokens", IssuerHttp.ADMIN, "{\"customerId\":\"c 1!\"}");

        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("customerId");
        assertThat(problem.get("detail").asString()).contains("customerId");
    }

    @Test
    void aTooLongCustomerIdIsABadRequest() {
        String id = "c".repeat(65);
        HttpResponse<String> response = issuer.postJson("/dev/tokens", IssuerHttp.ADMIN, "{\"customerId\":\"" + id + "\"}");

        assertThat(assertProblem(response, 400).get("errors").get(0).get("field").asString()).isEqualTo("customerId");
    }

    @Test
    void aMissingCustomerIdIsABadRequestNamingTheField() {
        HttpResponse<String> response = issuer.postJson("/dev/tokens", IssuerHttp.ADMIN, "{}");

        assertThat(assertProblem(response, 400).get("errors").get(0).get("field").asString()).isEqualTo("customerId");
    }

    @Test
    void aCustomerIdOfTheWrongJsonTypeIsABadRequestNamingTheField() {
        HttpResponse<String> response = issuer.postJson("/dev/tokens", IssuerHttp.ADMIN, "{\"customerId\":{\"id\":1}}");

        assertThat(assertProblem(response, 400).get("errors").get(0).get("field").asString()).isEqualTo("customerId");
    }

    @Test
    void malformedJsonIsABadRequestNamingTheBody() {
        HttpResponse<String> response = issuer.postJson("/dev/tokens", IssuerHttp.ADMIN, "{\"customerId\":");

        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("body");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
    }

    @Test
    void anUnknownDevPathIsANotFoundProblem() {
        assertProblem(issuer.postJson("/dev/other", IssuerHttp.ADMIN, "{}"), 404);
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = IssuerHttp.json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).startsWith("https://orderflow.io/problems/");
        assertThat(problem.has("trace")).isFalse();
        return problem;
    }
}
