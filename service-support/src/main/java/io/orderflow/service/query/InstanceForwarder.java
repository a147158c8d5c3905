package io.orderflow.service.query;

import io.orderflow.service.security.Caller;
import io.orderflow.service.web.ServiceUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Function;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Passes a read on to the instance of this service that holds the key, and its answer back unchanged.
 * The only HTTP between processes in the suite, and only between instances of one service. The read carries
 * the caller's own token, so the holder checks it as it would the caller's request: an instance vouches for
 * nobody, and no header a client could set grants anything.
 */
public final class InstanceForwarder {

    /**
     * Marks a forwarded request, so an instance that does not hold the key either answers 503 instead of forwarding
     * again. It only ever makes an instance do less.
     */
    public static final String FORWARDED_HEADER = "X-Orderflow-Forwarded";

    private static final Logger log = LoggerFactory.getLogger(InstanceForwarder.class);

    private final RestClient client;

    public InstanceForwarder(Duration readTimeout) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
        factory.setReadTimeout(readTimeout);
        this.client = RestClient.builder().requestFactory(factory).build();
    }

    /** A GET for one key: answered here from the value read here, or the same request passed to the key's holder. */
    public <V> ResponseEntity<?> answer(KeyLookup<V> lookup, HttpServletRequest request,
            Function<V, ResponseEntity<?>> here) {
        return lookup.fold(here, host -> forward(host, request));
    }

    /**
     * The key's answer now, wherever it is held (for the answer to a write): its holder is asked {@code GET path}
     * as {@code caller}.
     */
    public <V> ResponseEntity<?> answerAt(KeyLookup<V> lookup, String path, Caller caller,
            Function<V, ResponseEntity<?>> here) {
        return lookup.fold(here, host -> fetch(host, path, caller));
    }

    /** Asks the instance at {@code host} the same GET this instance was asked, and returns its answer as is. */
    public ResponseEntity<byte[]> forward(HostInfo host, HttpServletRequest request) {
        if (request.getHeader(FORWARDED_HEADER) != null) {
            throw new ServiceUnavailableException("the key is moving between instances; retry shortly");
        }
        String query = request.getQueryString();
        return fetch(host, request.getRequestURI() + (query == null ? "" : "?" + query), Caller.current());
    }

    /** GETs {@code pathAndQuery} from the instance at {@code host} as {@code caller}, and returns its answer as is. */
    public ResponseEntity<byte[]> fetch(HostInfo host, String pathAndQuery, Caller caller) {
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery);
        try {
            ResponseEntity<byte[]> answer = client.get().uri(uri).header(FORWARDED_HEADER, "1")
                    .headers(headers -> {
                        if (caller.token() != null) {
                            headers.setBearerAuth(caller.token());
                        }
                    })
                    .retrieve()
                    .onStatus(status -> true, (req, res) -> { })
                    .toEntity(byte[].class);
            HttpHeaders headers = new HttpHeaders();
            if (answer.getHeaders().getContentType() != null) {
                headers.setContentType(answer.getHeaders().getContentType());
            }
            return ResponseEntity.status(answer.getStatusCode()).headers(headers).body(answer.getBody());
        } catch (RestClientException e) {
            // The address is for the operator's log, not for the client's error body.
            log.warn("the instance at {}:{} that holds the key of {} did not answer: {}", host.host(), host.port(),
                    pathAndQuery, e.toString());
            throw new ServiceUnavailableException("the instance that holds this key did not answer; retry shortly", e);
        }
    }
}
