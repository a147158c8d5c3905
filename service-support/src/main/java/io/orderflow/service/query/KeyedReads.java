package io.orderflow.service.query;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriTemplate;

/**
 * The read of one key of one store, the same in every service: answered here from the value this instance
 * holds, or by the instance that holds the key. {@code path} is the route's template, the constant the
 * controller's {@code @GetMapping} names too, so the answer to a write asks the key's holder the very route a
 * client would: a renamed route cannot break only the reads that happen to be forwarded.
 */
public final class KeyedReads<V> {

    /** What a read of {@code key} answers from the value held here; {@code value} is null when the key is unknown. */
    @FunctionalInterface
    public interface Answer<V> {

        ResponseEntity<?> of(String key, V value);
    }

    private final StoreQueries stores;
    private final InstanceForwarder forwarder;
    private final String storeName;
    private final String path;
    private final Answer<V> answer;

    /** {@code path}: a template with exactly one variable, the key (as {@code /stock/{productId}}). */
    public KeyedReads(StoreQueries stores, InstanceForwarder forwarder, String storeName, String path,
            Answer<V> answer) {
        if (new UriTemplate(path).getVariableNames().size() != 1) {
            throw new IllegalArgumentException("the path of a keyed read names exactly one variable, the key: " + path);
        }
        this.stores = stores;
        this.forwarder = forwarder;
        this.storeName = storeName;
        this.path = path;
        this.answer = answer;
    }

    /** {@code GET path} of {@code key}, as asked: answered here, or the same request passed to the key's holder. */
    public ResponseEntity<?> get(String key, HttpServletRequest request) {
        return forwarder.answer(stores.lookup(storeName, key), request, (V value) -> answer.of(key, value));
    }

    /** The key's answer now, wherever it is held: the body of the answer to a write. */
    public ResponseEntity<?> current(String key) {
        return forwarder.answerAt(stores.lookup(storeName, key), pathOf(key), (V value) -> answer.of(key, value));
    }

    /** The route of {@code key}: the path template with the key in it, encoded. */
    public String pathOf(String key) {
        return UriComponentsBuilder.fromPath(path).buildAndExpand(key).encode().toUriString();
    }
}
