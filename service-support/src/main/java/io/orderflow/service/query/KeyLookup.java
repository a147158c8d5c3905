package io.orderflow.service.query;

import java.util.function.Function;
import org.apache.kafka.streams.state.HostInfo;

/** Where a key's current value is: read here, or held by another instance of this service. */
public sealed interface KeyLookup<V> {

    /** {@code here} of the value read here (null when the key is unknown), or {@code there} of the key's holder. */
    <R> R fold(Function<V, R> here, Function<HostInfo, R> there);

    /** This instance holds the key; {@code value} is null when the key is unknown. */
    record Local<V>(V value) implements KeyLookup<V> {

        @Override
        public <R> R fold(Function<V, R> here, Function<HostInfo, R> there) {
            return here.apply(value);
        }
    }

    /** Another instance holds the key; ask it. */
    record Remote<V>(HostInfo host) implements KeyLookup<V> {

        @Override
        public <R> R fold(Function<V, R> here, Function<HostInfo, R> there) {
            return there.apply(host);
        }
    }
}
