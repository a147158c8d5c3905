package io.orderflow.devissuer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives the dashboard's sign-in as a browser would: authorization request, form login (session cookie and CSRF
 * token), redirects, then the code exchange with the dashboard client's credentials and a PKCE verifier.
 */
final class Browser {

    static final String REDIRECT_URI = "http://localhost:8080/login/oauth2/code/orderflow";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");

    private final IssuerHttp issuer;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String codeVerifier = randomUrlSafe();

    Browser(IssuerHttp issuer) {
        this.issuer = issuer;
    }

    /** Signs in with the form and returns the token response of the code exchange. */
    HttpResponse<String> signInAndExchangeCode(String user, String password, String scopes) {
        String state = randomUrlSafe();
        HttpResponse<String> toLogin = get(issuer.base() + "/oauth2/authorize?" + IssuerHttp.formBody(Map.of(
                "response_type", "code", "client_id", "orderflow-dashboard", "scope", scopes,
                "redirect_uri", REDIRECT_URI, "state", state,
                "code_challenge", challengeOf(codeVerifier), "code_challenge_method", "S256")));
        assertThat(toLogin.statusCode()).as("not signed in: sent to the login form").isEqualTo(302);
        HttpResponse<String> afterLogin = submitLogin(location(toLogin), user, password);
        assertThat(afterLogin.statusCode()).isEqualTo(302);
        assertThat(location(afterLogin)).as("signed in: back to the authorization request").contains("/oauth2/authorize");

        HttpResponse<String> toClient = get(location(afterLogin));
        assertThat(toClient.statusCode()).isEqualTo(302);
        String callback = location(toClient);
        assertThat(callback).as("no consent page: straight back to the client").startsWith(REDIRECT_URI + "?");
        Map<String, String> parameters = queryOf(callback);
        assertThat(parameters).containsEntry("state", state);

        return issuer.postForm("/oauth2/token", IssuerHttp.DASHBOARD, Map.of("grant_type", "authorization_code",
                "code", parameters.get("code"), "redirect_uri", REDIRECT_URI, "code_verifier", codeVerifier));
    }

    /** Posts the login form found at {@code loginPage}; answers the login's redirect. */
    HttpResponse<String> submitLogin(String loginPage, String user, String password) {
        HttpResponse<String> form = get(loginPage);
        assertThat(form.statusCode()).isEqualTo(200);
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
        return send(HttpRequest.newBuilder(URI.create(issuer.base() + "/login"))
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(IssuerHttp.formBody(
                        Map.of("username", user, "password", password, "_csrf", csrf.group(1)))))
                .build());
    }

    HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow();
        return URI.create(issuer.base() + "/").resolve(location).toString();
    }

    private static Map<String, String> queryOf(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String randomUrlSafe() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
