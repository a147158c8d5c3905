package io.orderflow.service.query;

import io.orderflow.service.security.Caller;
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

    /**
     * Whether {@code caller} may see {@code value}; one it may not is answered as unknown ({@code 404}), so a
     * customer cannot tell another's order from one that does not exist.
     */
    @FunctionalInterface
    public interface Visibility<V> {

        /** Every value to every caller of the route: the route's own rule ({@code ApiAccessRules}) decides. */
        static <V> Visibility<V> everyone() {
            return (caller, value) -> true;
        }

        boolean visibleTo(Caller caller, V value);
    }

    private final StoreQueries stores;
    private final InstanceForwarder forwarder;
    private final String storeName;
    private final String path;
    private final Answer<V> answer;
    private final Visibility<V> visibility;

    /** {@code path}: a template with exactly one variable, the key (as {@code /stock/{productId}}). */
    public KeyedReads(StoreQueries stores, InstanceForwarder forwarder, String storeName, String path,
            Answer<V> answer) {
        this(stores, forwarder, storeName, path, answer, Visibility.everyone());
    }

    /** As {@link #KeyedReads(StoreQueries, InstanceForwarder, String, String, Answer)}, each value shown only to whom {@code visibility} allows. */
    public KeyedReads(StoreQueries stores, InstanceForwarder forwarder, String storeName, String path,
            Answer<V> answer, Visibility<V> visibility) {
        if (new UriTemplate(path).getVariableNames().size() != 1) {
            throw new IllegalArgumentException("the path of a keyed read names exactly one variable, the key: " + path);
        }
        this.stores = stores;
        this.forwarder = forwarder;
        this.storeName = storeName;
        this.path = path;
        this.answer = answer;
        this.visibility = visibility;
    }

    /** {@code GET path} of {@code key}, as asked: answered here, or the same request passed to the key's holder. */
    public ResponseEntity<?> get(String key, HttpServletRequest request) {
        Caller caller = Caller.current();
        return forwarder.answer(stores.lookup(storeName, key), request, (V value) -> answer(key, value, caller));
    }

    /**
     * The key's answer now, wherever it is held, as {@code caller} sees it: the body of the answer to a write.
     * The caller is passed in, as the answer is made on the thread that saw the command applied.
     */
    public ResponseEntity<?> current(String key, Caller caller) {
        return forwarder.answerAt(stores.lookup(storeName, key), pathOf(key), caller,
                (V value) -> answer(key, value, caller));
    }

    private ResponseEntity<?> answer(String key, V value, Caller caller) {
        return answer.of(key, value == null || visibility.visibleTo(caller, value) ? value : null);
    }

    /** The route of {@code key}: the path template with the key in it, encoded. */
    public String pathOf(String key) {
        return UriComponentsBuilder.fromPath(path).buildAndExpand(key).encode().toUriString();
    }
}
