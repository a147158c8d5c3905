package io.orderflow.service.security;

import static io.orderflow.testsupport.http.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import io.orderflow.service.web.WebSetup;
import io.orderflow.testsupport.http.HttpJson;
import io.orderflow.testsupport.security.TestIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The resource server every service is, on a real Tomcat with tokens from a real (test) issuer fetched over
 * HTTP: which tokens get in (signature, issuer, audience, expiry with its 30 s of skew), what each scope opens,
 * and the problem answers of the ones refused.
 */
@SpringBootTest(classes = ApiSecurityTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.endpoint.health.validate-group-membership=false")
class ApiSecurityTest {

    private static final TestIssuer ISSUER = TestIssuer.shared();
    private static final TestIssuer FOREIGN = TestIssuer.start();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void trustTheTestIssuer(DynamicPropertyRegistry registry) {
        registry.add("orderflow.jwt.issuer-uri", ISSUER::uri);
    }

    @AfterAll
    static void stopTheForeignIssuer() {
        FOREIGN.close();
    }

    @Test
    void withoutATokenEveryRouteButHealthIs401WithBearerChallengeAndAProblem() {
        for (String path : List.of("/things/a", "/nothing/here", "/actuator/prometheus", "/actuator/metrics")) {
            HttpJson.Response answer = http().get(path);
            assertProblem(answer, 401);
            assertThat(answer.header("WWW-Authenticate")).as(path).startsWith("Bearer");
            assertThat(answer.json().get("detail").asString()).contains("bearer token");
        }
        assertThat(http().get("/actuator/health").status()).isEqualTo(200);
        assertThat(http().get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    @Test
    void aGoodTokenGetsIn() {
        HttpJson.Response answer = http().as(ISSUER.customer("c-1")).get("/things/a");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("caller").asString()).isEqualTo("c-1");
    }

    @Test
    void badTokensAre401Problems() {
        Instant now = Instant.now();
        Map<String, String> refused = Map.of(
                "expired a minute ago", token(c -> c.issueTime(Date.from(now.minusSeconds(600)))
                        .notBeforeTime(Date.from(now.minusSeconds(600))).expirationTime(Date.from(now.minusSeconds(60)))),
                "not valid for another minute", token(c -> c.notBeforeTime(Date.from(now.plusSeconds(60)))),
                "no expiry", token(c -> c.expirationTime(null)),
                "another audience", token(c -> c.audience("somebody-else")),
                "another issuer named, our key", token(c -> c.issuer(FOREIGN.uri())),
                "another issuer's key", FOREIGN.token("c-1", TestIssuer.CUSTOMER_SCOPE,
                        c -> c.issuer(ISSUER.uri())),
                "not a JWT", "not-a-jwt");
        refused.forEach((why, token) -> {
            HttpJson.Response answer = http().as(token).get("/things/a");
            assertThat(answer.status()).as(why + ": " + answer).isEqualTo(401);
            assertProblem(answer, 401);
            assertThat(answer.header("WWW-Authenticate")).as(why).startsWith("Bearer").contains("invalid_token");
        });
    }

    @Test
    void clocksUpTo30SecondsApartAreForgiven() {
        Instant now = Instant.now();
        String justExpired = token(c -> c.issueTime(Date.from(now.minusSeconds(600)))
                .notBeforeTime(Date.from(now.minusSeconds(600))).expirationTime(Date.from(now.minusSeconds(10))));
        String almostValid = token(c -> c.notBeforeTime(Date.from(now.plusSeconds(10))));

        HttpJson.Response late = http().as(justExpired).get("/things/a");
        assertThat(late.status()).as(late.toString()).isEqualTo(200);
        HttpJson.Response early = http().as(almostValid).get("/things/a");
        assertThat(early.status()).as(early.toString()).isEqualTo(200);
    }

    @Test
    void aClockSkewAboveTheContractsIsRefusedAtStartUp() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new JwtSettings(java.net.URI.create("http://i"), null,
                "orderflow", Duration.ofSeconds(31))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMetricsScopeOpensPrometheusAndNothingElse() {
        HttpJson scraper = http().as(ISSUER.metrics());
        assertThat(scraper.get("/actuator/prometheus").status()).isEqualTo(200);
        assertProblem(scraper.get("/actuator/metrics"), 403);
        HttpJson.Response thing = scraper.get("/things/a");
        assertProblem(thing, 403);
        assertThat(thing.header("WWW-Authenticate")).contains("insufficient_scope");
    }

    @Test
    void actuatorIsTheAdminsAndACustomersTokenOpensNone() {
        HttpJson customer = http().as(ISSUER.customer("c-1"));
        assertProblem(customer.get("/actuator/prometheus"), 403);
        assertProblem(customer.get("/actuator/metrics"), 403);

        HttpJson admin = http().as(ISSUER.admin());
        assertThat(admin.get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(admin.get("/actuator/metrics").status()).isEqualTo(200);
    }

    @Test
    void healthShowsDetailsOnlyToTheAdminAndTheScraper() {
        assertThat(http().get("/actuator/health").json().has("components")).as("anonymous").isFalse();
        assertThat(http().as(ISSUER.customer("c-1")).get("/actuator/health").json().has("components")).isFalse();
        assertThat(http().as(ISSUER.admin()).get("/actuator/health").json().has("components")).isTrue();
        assertThat(http().as(ISSUER.metrics()).get("/actuator/health").json().has("components")).isTrue();
    }

    @Test
    void aServicesOwnRulesComeFirst() {
        assertProblem(http().as(ISSUER.customer("c-1")).get("/admin-things/a"), 403);
        assertThat(http().as(ISSUER.admin()).get("/admin-things/a").status()).isEqualTo(200);

        assertThat(http().as(ISSUER.customer("c-1")).get("/customers/c-1/thing").status()).isEqualTo(200);
        HttpJson.Response another = http().as(ISSUER.customer("c-1")).get("/customers/c-2/thing");
        assertProblem(another, 403);
        assertThat(another.json().get("detail").asString()).contains("/customers/c-2/thing");
        assertThat(http().as(ISSUER.admin()).get("/customers/c-2/thing").status()).isEqualTo(200);
    }

    private static String token(UnaryOperator<JWTClaimsSet.Builder> change) {
        return ISSUER.token("c-1", TestIssuer.CUSTOMER_SCOPE, change);
    }

    private HttpJson http() {
        return HttpJson.localhost(port);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = KafkaAutoConfiguration.class)
    @Import({WebSetup.class, ThingsController.class})
    static class App {

        @Bean
        ApiAccessRules thingRules() {
            return rules -> {
                rules.requestMatchers("/admin-things/**").access(ApiAccessRules.admin());
                rules.requestMatchers("/customers/{customerId}/**").access(ApiAccessRules.adminOrCustomerIn("customerId"));
            };
        }
    }

    @RestController
    static class ThingsController {

        @GetMapping({"/things/{id}", "/admin-things/{id}", "/customers/{id}/thing"})
        Map<String, String> thing(@PathVariable String id, Caller caller) {
            return Map.of("id", id, "caller", caller.subject());
        }
    }
}
