package io.orderflow.bench;

import io.orderflow.localstack.auth.DevTokens;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The bearer tokens a run sends: an admin token on the set-up and check calls, each customer's own token on its
 * {@code POST /orders}; or none, for a build without a dev issuer (from before the OAuth2 work: its services check
 * no token, and sending one would only add bytes nobody reads). The tokens come from {@link DevTokens}, which
 * caches them and fetches a new one before the old one expires.
 */
final class BenchTokens {

    private static final byte[] NO_HEADER = new byte[0];

    private final URI issuer;
    private final Supplier<String> admin;
    private final Function<String, String> customer;
    /** Each customer's {@code Authorization} header line, rebuilt only when its token changes. */
    private final Map<String, Header> headers = new ConcurrentHashMap<>();

    /** @param issuer null for none: then {@code admin} and {@code customer} are never called */
    BenchTokens(URI issuer, Supplier<String> admin, Function<String, String> customer) {
        this.issuer = issuer;
        this.admin = admin;
        this.customer = customer;
    }

    static BenchTokens none() {
        return new BenchTokens(null, null, null);
    }

    static BenchTokens from(DevTokens tokens) {
        return new BenchTokens(tokens.issuer(), tokens::admin, tokens::customer);
    }

    boolean authenticated() {
        return issuer != null;
    }

    /** Where the tokens come from; null for none. */
    URI issuer() {
        return issuer;
    }

    /** {@code request} with the admin token, when there are tokens. */
    HttpRequest.Builder asAdmin(HttpRequest.Builder request) {
        return authenticated() ? request.header("Authorization", "Bearer " + admin.get()) : request;
    }

    /**
     * Fetches the token of each of {@code customers} now, one request to the issuer each, so the measured windows
     * find them cached.
     */
    void prefetch(Collection<String> customers) {
        if (authenticated()) {
            customers.forEach(this::customerHeader);
        }
    }

    /**
     * {@code Authorization: Bearer <token>\r\n} as bytes, for a raw HTTP/1.1 request on behalf of
     * {@code customerId}; empty when there are no tokens. The same array while the token lasts.
     */
    byte[] customerHeader(String customerId) {
        if (!authenticated()) {
            return NO_HEADER;
        }
        String token = customer.apply(customerId);
        Header header = headers.get(customerId);
        // Identity, not equals: DevTokens hands out the same String until it fetches a new token.
        if (header == null || header.token() != token) {
            header = new Header(token, ("Authorization: Bearer " + token + "\r\n").getBytes(StandardCharsets.US_ASCII));
            headers.put(customerId, header);
        }
        return header.bytes();
    }

    /** What the report says about it. */
    String describe() {
        return authenticated()
                ? "bearer tokens from the dev issuer at " + issuer + " (admin for set-up and checks, each customer's"
                        + " own for POST /orders)"
                : "none: this build has no dev issuer, and its services check no tokens";
    }

    private record Header(String token, byte[] bytes) {
    }
}
