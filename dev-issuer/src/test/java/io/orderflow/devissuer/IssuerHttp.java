package io.orderflow.devissuer;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of the running issuer over real HTTP, and a decoder that checks its tokens against its JWKS. */
final class IssuerHttp {

    /** What the tests configure as the issuer: a host name clients would use, unlike the random test port. */
    static final String ISSUER = "http://dev-issuer.test:9000";
    static final String ADMIN = basic("orderflow-admin", "orderflow-admin-secret");
    static final String METRICS = basic("orderflow-metrics", "orderflow-metrics-secret");
    static final String DASHBOARD = basic("orderflow-dashboard", "orderflow-dashboard-secret");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final NimbusJwtDecoder decoder;

    IssuerHttp(int port) {
        this.base = "http://localhost:" + port;
        this.decoder = NimbusJwtDecoder.withJwkSetUri(base + "/oauth2/jwks").build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
    }

    String base() {
        return base;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    HttpResponse<String> clientCredentials(String basicAuthorization) {
        return postForm("/oauth2/token", basicAuthorization, Map.of("grant_type", "client_credentials"));
    }

    HttpResponse<String> postForm(String path, String basicAuthorization, Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", basicAuthorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form))).build());
    }

    /** {@code basicAuthorization} null sends no credentials. */
    HttpResponse<String> postJson(String path, String basicAuthorization, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (basicAuthorization != null) {
            request.header("Authorization", basicAuthorization);
        }
        return send(request.build());
    }

    /** Checks signature (against the JWKS), issuer and expiry, as a resource server would. */
    Jwt verify(String token) {
        return decoder.decode(token);
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String formBody(Map<String, String> form) {
        StringJoiner body = new StringJoiner("&");
        form.forEach((name, value) -> body.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }
}
