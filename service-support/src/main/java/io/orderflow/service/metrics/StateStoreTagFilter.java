package io.orderflow.service.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives every Kafka Streams state-store meter the same store tag, {@code rocksdb.state.id}.
 *
 * <p>Kafka Streams tags a store's metrics by store type ({@code rocksdb-state-id} for key-value stores,
 * {@code rocksdb-window-state-id} for window stores, ...). Prometheus requires every meter of one name to have
 * the same tag keys, so in a service with both kinds the kind registered second was dropped with a single
 * warning: e.g. orders-service reported the RocksDB block-cache usage of its window store and not of its
 * key-value stores. The store names are unique within a service, so one tag key loses nothing.
 */
public final class StateStoreTagFilter implements MeterFilter {

    static final String STORE_TAG = "rocksdb.state.id";
    private static final String STATE_METERS = "kafka.stream.state.";

    @Override
    public Meter.Id map(Meter.Id id) {
        if (!id.getName().startsWith(STATE_METERS)) {
            return id;
        }
        List<Tag> tags = new ArrayList<>();
        boolean renamed = false;
        for (Tag tag : id.getTagsAsIterable()) {
            if (!tag.getKey().equals(STORE_TAG) && tag.getKey().endsWith(".state.id")) {
                tags.add(Tag.of(STORE_TAG, tag.getValue()));
                renamed = true;
            } else {
                tags.add(tag);
            }
        }
        return renamed ? id.replaceTags(tags) : id;
    }
}
