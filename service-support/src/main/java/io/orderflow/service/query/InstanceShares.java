package io.orderflow.service.query;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
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
        List<T> all = new ArrayList<>(localShare.get());
        if (LOCAL.equals(request.getParameter(SHARE_PARAMETER))) {
            return all;
        }
        String query = request.getQueryString();
        String path = request.getRequestURI() + "?" + (query == null ? "" : query + "&") + SHARE_PARAMETER + "=" + LOCAL;
        for (HostInfo host : stores.hostsOf(storeName)) {
            if (!host.equals(stores.self())) {
                ResponseEntity<byte[]> answer = forwarder.fetch(host, path);
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
