package io.orderflow.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.testsupport.http.RawHttp;
import io.orderflow.testsupport.security.TestIssuer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Errors the servlet container answers before (or instead of) Spring MVC are RFC 9457 problems too, on a
 * real Tomcat. Requests go over a raw socket so they reach the server exactly as written.
 */
// The probe groups name the Streams contributors, which this web-only app does not have.
@SpringBootTest(classes = ContainerErrorProblemsTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.endpoint.health.validate-group-membership=false")
class ContainerErrorProblemsTest {

    @LocalServerPort
    int port;

    @Test
    void anEncodedSlashIsABadRequestProblem() {
        RawHttp.Response response = http().get("/things/a%2Fb");
        assertProblem(response, 400);
        assertThat(response.json().path("detail").asString()).contains("encoded slash");
    }

    @Test
    void aMalformedEscapeInThePathIsABadRequestProblem() {
        RawHttp.Response response = http().get("/things/%zz");
        assertProblem(response, 400);
        assertThat(response.json().path("detail").asString()).contains("Invalid URI");
    }

    @Test
    void aMalformedEscapeInTheQueryIsABadRequestProblem() {
        RawHttp.Response response = http().get("/things/a?x=%");
        assertProblem(response, 400);
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("query");
    }

    @Test
    void aHeaderTooLargeIsAProblem() {
        RawHttp.Response response = http().get("/things/a", "X-Big: " + "x".repeat(20_000));
        assertThat(response.status()).as(response.toString()).isIn(400, 431);
        assertProblem(response, response.status());
        assertThat(response.json().path("detail").asString()).contains("too large");
    }

    @Test
    void aWrongMethodIsAMethodNotAllowedProblemWithAllow() {
        RawHttp.Response response = http().send("DELETE", "/things/a");
        assertProblem(response, 405);
        assertThat(response.header("Allow")).contains("GET");
    }

    @Test
    void anUnsupportedAcceptIsANotAcceptableProblem() {
        assertProblem(http().get("/things/a", "Accept: image/png"), 406);
    }

    @Test
    void anUnknownPathIsANotFoundProblem() {
        assertProblem(http().get("/nothing/here"), 404);
    }

    @Test
    void theThingItselfStillAnswers() {
        RawHttp.Response response = http().get("/things/a?x=1");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("id").asString()).isEqualTo("a");
    }

    private RawHttp http() {
        return new RawHttp(port).with("Authorization: Bearer " + TestIssuer.shared().admin());
    }

    @DynamicPropertySource
    static void trustTheTestIssuer(DynamicPropertyRegistry registry) {
        registry.add("orderflow.jwt.issuer-uri", TestIssuer.shared()::uri);
    }

    private static void assertProblem(RawHttp.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("type").asString()).startsWith("https://orderflow.io/problems/");
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asString()).isNotBlank();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = KafkaAutoConfiguration.class)
    @Import({WebSetup.class, ThingsController.class})
    static class App {
    }

    @RestController
    static class ThingsController {

        @GetMapping(path = "/things/{id}", produces = "application/json")
        Map<String, String> thing(@PathVariable String id, @RequestParam(required = false) String x) {
            return Map.of("id", id);
        }
    }
}
