package io.orderflow.testsupport.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.testsupport.http.HttpJson;
import io.orderflow.testsupport.http.Problems;

/**
 * The rows of a service's 401/403 matrix that every service shares: what a request without a usable token gets.
 * The rows that are the service's own (which customer may do what) are in its integration test.
 */
public final class AccessChecks {

    private final HttpJson service;
    private final TestIssuer issuer;

    public AccessChecks(HttpJson service, TestIssuer issuer) {
        this.service = service;
        this.issuer = issuer;
    }

    /**
     * {@code method path} (with {@code json}, or none) without a token and with each bad token is a {@code 401}
     * problem with a {@code Bearer} challenge.
     */
    public void refusesWithoutAGoodToken(String method, String path, String json) {
        HttpJson.Response none = service.anonymous().request(method, path, json);
        assertUnauthorized("no token", method, path, none);
        issuer.badTokens("c-1", TestIssuer.CUSTOMER_SCOPE + " " + TestIssuer.ADMIN_SCOPE).forEach((why, token) ->
                assertUnauthorized(why, method, path, service.as(token).request(method, path, json)));
    }

    /** The status {@code token}'s caller gets for {@code method path}. */
    public HttpJson.Response as(String token, String method, String path, String json) {
        return service.as(token).request(method, path, json);
    }

    /** {@code token}'s caller gets a {@code 403} problem for {@code method path}. */
    public void forbids(String token, String method, String path, String json) {
        HttpJson.Response answer = as(token, method, path, json);
        assertThat(answer.status()).as(method + " " + path + ": " + answer).isEqualTo(403);
        Problems.assertProblem(answer, 403);
    }

    private static void assertUnauthorized(String why, String method, String path, HttpJson.Response answer) {
        assertThat(answer.status()).as(why + ", " + method + " " + path + ": " + answer).isEqualTo(401);
        Problems.assertProblem(answer, 401);
        assertThat(answer.header("WWW-Authenticate")).as(why).startsWith("Bearer");
    }
}
