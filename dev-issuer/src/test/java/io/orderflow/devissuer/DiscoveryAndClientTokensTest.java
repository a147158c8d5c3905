package io.orderflow.devissuer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "orderflow.dev-issuer.issuer-uri=" + IssuerHttp.ISSUER)
class DiscoveryAndClientTokensTest {

    @LocalServerPort
    int port;
    IssuerHttp issuer;

    @BeforeEach
    void connect() {
        issuer = new IssuerHttp(port);
    }

    @Test
    void discoveryNamesTheConfiguredIssuerAndItsEndpoints() {
        HttpResponse<String> response = issuer.get("/.well-known/openid-configuration");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode discovery = IssuerHttp.json(response);
        assertThat(discovery.get("issuer").asString()).isEqualTo(IssuerHttp.ISSUER);
        assertThat(discovery.get("token_endpoint").asString()).isEqualTo(IssuerHttp.ISSUER + "/oauth2/token");
        assertThat(discovery.get("jwks_uri").asString()).isEqualTo(IssuerHttp.ISSUER + "/oauth2/jwks");
    }

    @Test
    void theJwksHoldsOneRsaSigningKey() {
        JsonNode keys = IssuerHttp.json(issuer.get("/oauth2/jwks")).get("keys");

        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).get("kty").asString()).isEqualTo("RSA");
        assertThat(keys.get(0).get("use").asString()).isEqualTo("sig");
        assertThat(keys.get(0).has("d")).as("no private part").isFalse();
    }

    @Test
    void theAdminClientGetsAnAdminTokenForTheOrderflowAudience() {
        HttpResponse<String> response = issuer.clientCredentials(IssuerHttp.ADMIN);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = IssuerHttp.json(response);
        assertThat(body.get("scope").asString()).isEqualTo("orderflow.admin");
        Jwt token = issuer.verify(body.get("access_token").asString());
        assertThat(token.getHeaders()).containsEntry("alg", "RS256");
        assertThat(token.getAudience()).containsExactly("orderflow");
        assertThat(token.getClaimAsStringList("scope")).containsExactly("orderflow.admin");
        assertThat(token.getSubject()).isEqualTo("orderflow-admin");
        assertThat(token.getIssuer().toString()).isEqualTo(IssuerHttp.ISSUER);
        assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theMetricsClientGetsAMetricsToken() {
        HttpResponse<String> response = issuer.clientCredentials(IssuerHttp.METRICS);

        assertThat(response.statusCode()).isEqualTo(200);
        Jwt token = issuer.verify(IssuerHttp.json(response).get("access_token").asString());
        assertThat(token.getClaimAsStringList("scope")).containsExactly("orderflow.metrics");
        assertThat(token.getAudience()).containsExactly("orderflow");
        assertThat(token.getIssuer().toString()).isEqualTo(IssuerHttp.ISSUER);
        assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isGreaterThanOrEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aClientMayAskForItsScopeExplicitlyButForNoOther() {
        HttpResponse<String> own = issuer.postForm("/oauth2/token", IssuerHttp.ADMIN,
                Map.of("grant_type", "client_credentials", "scope", "orderflow.admin"));
        HttpResponse<String> other = issuer.postForm("/oauth2/token", IssuerHttp.METRICS,
                Map.of("grant_type", "client_credentials", "scope", "orderflow.admin"));

        assertThat(IssuerHttp.json(own).get("scope").asString()).isEqualTo("orderflow.admin");
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(IssuerHttp.json(other).get("error").asString()).isEqualTo("invalid_scope");
    }

    @Test
    void aWrongSecretIsUnauthorized() {
        HttpResponse<String> response = issuer.clientCredentials(IssuerHttp.basic("orderflow-admin", "guess"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(IssuerHttp.json(response).get("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void theDashboardClientCannotUseClientCredentials() {
        HttpResponse<String> response = issuer.clientCredentials(IssuerHttp.DASHBOARD);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(IssuerHttp.json(response).get("error").asString()).isEqualTo("unauthorized_client");
    }

    @Test
    void healthIsOpen() {
        HttpResponse<String> response = issuer.get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(IssuerHttp.json(response).get("status").asString()).isEqualTo("UP");
    }
}
