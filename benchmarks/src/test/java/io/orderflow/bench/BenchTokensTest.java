package io.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchTokensTest {

    private final Map<String, String> issued = new HashMap<>();
    private final List<String> asked = new ArrayList<>();
    private final BenchTokens tokens = new BenchTokens(URI.create("http://localhost:9000"), () -> "admin-token",
            customer -> {
                asked.add(customer);
                return issued.computeIfAbsent(customer, c -> "token-" + c);
            });

    @Test
    void aCustomersHeaderLineIsBuiltOnceAndKeptWhileItsTokenLasts() {
        byte[] first = tokens.customerHeader("c-1");

        assertThat(new String(first, StandardCharsets.US_ASCII)).isEqualTo("Authorization: Bearer token-c-1\r\n");
        assertThat(tokens.customerHeader("c-1")).isSameAs(first);
        assertThat(new String(tokens.customerHeader("c-2"), StandardCharsets.US_ASCII))
                .isEqualTo("Authorization: Bearer token-c-2\r\n");

        // DevTokens fetched a new one: the header follows.
        issued.put("c-1", "renewed");
        assertThat(new String(tokens.customerHeader("c-1"), StandardCharsets.US_ASCII))
                .isEqualTo("Authorization: Bearer renewed\r\n");
    }

    @Test
    void prefetchAsksForEveryCustomersTokenBeforeTheLoad() {
        tokens.prefetch(List.of("c-1", "c-2", "cx-1"));

        assertThat(asked).containsExactly("c-1", "c-2", "cx-1");
    }

    @Test
    void setUpAndCheckCallsGoAsTheAdmin() {
        HttpRequest request = tokens.asAdmin(HttpRequest.newBuilder(URI.create("http://127.0.0.1:1/stock/p-1"))).build();

        assertThat(request.headers().firstValue("Authorization")).hasValue("Bearer admin-token");
        assertThat(tokens.authenticated()).isTrue();
        assertThat(tokens.describe()).contains("dev issuer at http://localhost:9000");
    }

    @Test
    void aBuildWithoutAnIssuerSendsNoTokens() {
        BenchTokens none = BenchTokens.none();
        none.prefetch(List.of("c-1"));

        assertThat(none.authenticated()).isFalse();
        assertThat(none.issuer()).isNull();
        assertThat(none.customerHeader("c-1")).isEmpty();
        assertThat(none.asAdmin(HttpRequest.newBuilder(URI.create("http://127.0.0.1:1/"))).build().headers()
                .firstValue("Authorization")).isEmpty();
        assertThat(none.describe()).startsWith("none");
    }

    @Test
    void theReportSaysWhetherTheRequestsWereAuthenticated() {
        Workload workload = new Workload(20, 12, 42);

        assertThat(Report.Authentication.of(tokens, workload)).isEqualTo(new Report.Authentication(true,
                "http://localhost:9000", 25, tokens.describe()));
        assertThat(Report.Authentication.of(BenchTokens.none(), workload))
                .isEqualTo(new Report.Authentication(false, null, 0, BenchTokens.none().describe()));
    }
}
