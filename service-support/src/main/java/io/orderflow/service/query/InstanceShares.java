package io.orderflow.service.query;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.orderflow.service.security.Caller;
import io.orderflow.service.web.ServiceUnavailableException;
import java.util.function.Supplier;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.ResponseEntity;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads whose answer is spread over every instance of a service (a store partitioned by one key, read by
 * another): the instance asked answers its own share and gathers the others', each asked the same request
 * with {@code share=local} added, so it answers from its own partitions only.
 */
public final class InstanceShares {

    /** The query parameter that asks an instance for its own share only. */
    public static final String SHARE_PARAMETER = "share";
    private static final String LOCAL = "local";

    private final StoreQueries stores;
    private final InstanceForwarder forwarder;
    private final JsonMapper json;

    public InstanceShares(StoreQueries stores, InstanceForwarder forwarder, JsonMapper json) {
        this.stores = stores;
        this.forwarder = forwarder;
        this.json = json;
    }

    /**
     * This instance's share of {@code storeName}'s answer, and, unless the request asks for the local share
     * only, every other instance's.
     */
    public <T> List<T> gather(String storeName, HttpServletRequest request, Supplier<List<T>> localShare,
            TypeReference<List<T>> type) {
        String query = request.getQueryString();
        return gather(storeName, request, request.getRequestURI() + "?" + (query == null ? "" : query + "&"),
                localShare, type);
    }

    /**
     * As {@link #gather(String, HttpServletRequest, Supplier, TypeReference)}, but the other instances are asked
     * with {@code parameters} instead of the request's own: for a read whose defaults depend on when they are
     * taken (a time range ending now), so every instance reads exactly what this one read. Null values are
     * left out.
     */
    public <T> List<T> gather(String storeName, HttpServletRequest request, Map<String, String> parameters,
            Supplier<List<T>> localShare, TypeReference<List<T>> type) {
        StringBuilder query = new StringBuilder(request.getRequestURI()).append('?');
        parameters.forEach((name, value) -> {
            if (value != null) {
                query.append(encode(name)).append('=').append(encode(value)).append('&');
            }
        });
        return gather(storeName, request, query.toString(), localShare, type);
    }

    private static String encode(String component) {
        return URLEncoder.encode(component, StandardCharsets.UTF_8);
    }

    /** Whether the request asks for this instance's share only: answer it as is, the asker merges. */
    public static boolean asksLocalShare(HttpServletRequest request) {
        return LOCAL.equals(request.getParameter(SHARE_PARAMETER));
    }

    /** {@code pathAndQueryStart}: the path and the parameters to ask with, ending in {@code ?} or {@code &}. */
    private <T> List<T> gather(String storeName, HttpServletRequest request, String pathAndQueryStart,
            Supplier<List<T>> localShare, TypeReference<List<T>> type) {
        List<T> all = new ArrayList<>(localShare.get());
        if (asksLocalShare(request)) {
            return all;
        }
        String path = pathAndQueryStart + SHARE_PARAMETER + "=" + LOCAL;
        Caller caller = Caller.current();
        for (HostInfo host : stores.hostsOf(storeName)) {
            if (!host.equals(stores.self())) {
                ResponseEntity<byte[]> answer = forwarder.fetch(host, path, caller);
                if (!answer.getStatusCode().is2xxSuccessful()) {
                    // Its share is missing, so any answer would be incomplete; the client may retry.
                    throw new ServiceUnavailableException("another instance could not answer its share ("
                            + answer.getStatusCode().value() + ")");
                }
                all.addAll(json.readValue(answer.getBody(), type));
            }
        }
        return all;
    }
}
