package io.orderflow.devissuer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import tools.jackson.databind.JsonNode;

/** The dashboard's authorization code + PKCE flow, driven over HTTP with a cookie-keeping client. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "orderflow.dev-issuer.issuer-uri=" + IssuerHttp.ISSUER)
class BrowserSignInTest {

    private static final String EVERY_SCOPE = "openid profile orderflow.admin orderflow.customer";

    @LocalServerPort
    int port;
    IssuerHttp issuer;

    @BeforeEach
    void connect() {
        issuer = new IssuerHttp(port);
    }

    @Test
    void aCustomerSignsInAndGetsOnlyTheCustomerScopeWhateverTheClientAsked() {
        HttpResponse<String> response = new Browser(issuer).signInAndExchangeCode("c-7", "customer", EVERY_SCOPE);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = IssuerHttp.json(response);
        Jwt token = issuer.verify(body.get("access_token").asString());
        assertThat(token.getSubject()).isEqualTo("c-7");
        assertThat(token.getClaimAsStringList("scope"))
                .containsExactlyInAnyOrder("openid", "profile", "orderflow.customer");
        assertThat(token.getAudience()).containsExactly("orderflow");
        assertThat(body.get("scope").asString().split(" ")).as("the token response agrees with the token")
                .containsExactlyInAnyOrder("openid", "profile", "orderflow.customer");
        Jwt idToken = issuer.verify(body.get("id_token").asString());
        assertThat(idToken.getSubject()).isEqualTo("c-7");
        assertThat(idToken.getAudience()).as("an ID token is for the client").containsExactly("orderflow-dashboard");
    }

    @Test
    void theAdminSignsInAndGetsOnlyTheAdminScope() {
        HttpResponse<String> response = new Browser(issuer).signInAndExchangeCode("admin", "admin", EVERY_SCOPE);

        assertThat(response.statusCode()).isEqualTo(200);
        Jwt token = issuer.verify(IssuerHttp.json(response).get("access_token").asString());
        assertThat(token.getSubject()).isEqualTo("admin");
        assertThat(token.getClaimAsStringList("scope")).containsExactlyInAnyOrder("openid", "profile", "orderflow.admin");
    }

    @Test
    void aCustomerAskingOnlyForOpenIdGetsNoOrderflowScope() {
        HttpResponse<String> response = new Browser(issuer).signInAndExchangeCode("c-8", "customer", "openid");

        Jwt token = issuer.verify(IssuerHttp.json(response).get("access_token").asString());
        assertThat(token.getClaimAsStringList("scope")).containsExactly("openid");
    }

    @Test
    void aRefreshedTokenKeepsTheUsersScope() {
        JsonNode first = IssuerHttp.json(new Browser(issuer).signInAndExchangeCode("c-9", "customer", EVERY_SCOPE));

        HttpResponse<String> refreshed = issuer.postForm("/oauth2/token", IssuerHttp.DASHBOARD,
                Map.of("grant_type", "refresh_token", "refresh_token", first.get("refresh_token").asString()));

        assertThat(refreshed.statusCode()).isEqualTo(200);
        Jwt token = issuer.verify(IssuerHttp.json(refreshed).get("access_token").asString());
        assertThat(token.getSubject()).isEqualTo("c-9");
        assertThat(token.getClaimAsStringList("scope"))
                .containsExactlyInAnyOrder("openid", "profile", "orderflow.customer");
    }

    @Test
    void aCustomerWithTheWrongPasswordIsTurnedBack() {
        Browser browser = new Browser(issuer);

        HttpResponse<String> response = browser.submitLogin(issuer.base() + "/login", "c-7", "admin");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?error"));
    }

    @Test
    void aUserNameThatIsNoCustomerIdIsTurnedBack() {
        HttpResponse<String> response = new Browser(issuer).submitLogin(issuer.base() + "/login", "c 7!", "customer");

        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?error"));
    }

    @Test
    void signedInActuatorShowsNothingButHealth() {
        Browser browser = new Browser(issuer);
        assertThat(browser.submitLogin(issuer.base() + "/login", "admin", "admin").statusCode()).isEqualTo(302);

        assertThat(browser.get(issuer.base() + "/actuator/env").statusCode()).isEqualTo(404);
        assertThat(browser.get(issuer.base() + "/actuator/beans").statusCode()).isEqualTo(404);
    }
}
