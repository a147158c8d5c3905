package io.orderflow.service.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.orderflow.service.security.Caller;
import io.orderflow.service.security.Scopes;
import io.orderflow.service.web.ServiceUnavailableException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A read for one key: answered here, or passed to the instance holding it (a real HTTP server here) and its answer back as is. */
class InstanceForwarderTest {

    private final InstanceForwarder forwarder = new InstanceForwarder(Duration.ofSeconds(5));
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private HttpServer holder;

    @BeforeEach
    void startTheHolder() throws IOException {
        holder = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        holder.createContext("/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            asked.add(exchange.getRequestURI() + " forwarded=" + exchange.getRequestHeaders().getFirst(
                    InstanceForwarder.FORWARDED_HEADER) + (authorization == null ? "" : " " + authorization));
            byte[] body = "{\"type\":\"about:blank\",\"status\":404}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.getResponseHeaders().add("X-Internal", "not passed on");
            exchange.sendResponseHeaders(404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        holder.start();
    }

    @AfterEach
    void stopTheHolder() {
        holder.stop(0);
    }

    @Test
    void aKeyHeldHereIsAnsweredHereWithoutAskingAnyone() {
        ResponseEntity<?> answer = forwarder.answer(new KeyLookup.Local<>("value"), get("/stock/p-1", null),
                value -> ResponseEntity.ok(value + " read here"));

        assertThat(answer.getBody()).isEqualTo("value read here");
        assertThat(asked).isEmpty();
    }

    @Test
    void aKeyHeldElsewhereIsTheSameRequestToItsHolderAndItsAnswerAsIs() {
        ResponseEntity<?> answer = forwarder.answer(new KeyLookup.Remote<String>(holderHost()),
                get("/orders/o-1", "timeoutMs=100&until=SHIPPED"), value -> ResponseEntity.ok("not here"));

        assertThat(asked).containsExactly("/orders/o-1?timeoutMs=100&until=SHIPPED forwarded=1");
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getHeaders().containsHeader("X-Internal")).isFalse();
        assertThat(new String((byte[]) answer.getBody(), StandardCharsets.UTF_8)).contains("\"status\":404");
    }

    @Test
    void theAnswerToAWriteIsAskedOfTheHolderAtTheReadPathWithTheCallersToken() {
        Caller caller = new Caller("c-1", Set.of(Scopes.CUSTOMER), "the.callers.token");
        forwarder.answerAt(new KeyLookup.Remote<String>(holderHost()), "/stock/p-1", caller,
                value -> ResponseEntity.ok("x"));

        assertThat(asked).containsExactly("/stock/p-1 forwarded=1 Bearer the.callers.token");
    }

    @Test
    void aForwardedReadCarriesTheTokenOfTheRequestItPassesOn() {
        Jwt jwt = Jwt.withTokenValue("the.request.token").header("alg", "RS256").subject("c-1").build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
        try {
            forwarder.answer(new KeyLookup.Remote<String>(holderHost()), get("/orders/o-1", null),
                    value -> ResponseEntity.ok("not here"));
        } finally {
            SecurityContextHolder.clearContext();
        }

        assertThat(asked).containsExactly("/orders/o-1 forwarded=1 Bearer the.request.token");
    }

    @Test
    void aRequestAlreadyForwardedIsNotForwardedAgain() {
        MockHttpServletRequest forwardedHere = get("/stock/p-1", null);
        forwardedHere.addHeader(InstanceForwarder.FORWARDED_HEADER, "1");

        assertThatThrownBy(() -> forwarder.answer(new KeyLookup.Remote<String>(holderHost()), forwardedHere,
                value -> ResponseEntity.ok("x")))
                .isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("moving between instances");
        assertThat(asked).isEmpty();
    }

    @Test
    void aHolderThatDoesNotAnswerIsA503() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HostInfo gone = new HostInfo("127.0.0.1", closedPort);

        assertThatThrownBy(() -> forwarder.answer(new KeyLookup.Remote<String>(gone), get("/stock/p-1", null),
                value -> ResponseEntity.ok("x")))
                .isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("did not answer")
                .hasMessageNotContaining("127.0.0.1").hasMessageNotContaining(Integer.toString(closedPort));
    }

    private HostInfo holderHost() {
        return new HostInfo("127.0.0.1", holder.getAddress().getPort());
    }

    private static MockHttpServletRequest get(String path, String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setQueryString(query);
        return request;
    }
}
