package io.orderflow.events.topics;

import java.util.Objects;
import java.util.Set;

/**
 * Who writes and who reads one shared topic, by application id (= the service's module name). The one
 * statement of it ({@link Topics#ACCESS}): the topics a service declares at start-up and the Kafka ACLs of its
 * principal are both derived from it.
 */
public record TopicAccess(Topic<?, ?> topic, Set<String> writers, Set<String> readers) {

    public TopicAccess {
        Objects.requireNonNull(topic, "topic");
        writers = Set.copyOf(writers);
        readers = Set.copyOf(readers);
    }

    public String name() {
        return topic.name();
    }

    public boolean usedBy(String applicationId) {
        return writers.contains(applicationId) || readers.contains(applicationId);
    }
}
