package io.orderflow.localstack;

import io.orderflow.events.topics.TopicAccess;
import io.orderflow.events.topics.Topics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The ACLs of a service's principal {@code User:<module>}, computed from {@link Topics#ACCESS}: it may write only
 * what it writes there and its dead-letter topic, read only what it reads there, and own everything under its
 * application id (Streams internal topics, its consumer group, its transactional ids).
 *
 * <p>Not granted, because nothing needs it: CREATE on shared topics (the admin creates them; a service only
 * describes them at start-up), IDEMPOTENT_WRITE on the cluster (an idempotent producer with WRITE on a topic
 * needs none since Kafka 3.0), any cluster operation (describeCluster, which health uses, needs no ACL). The
 * command result listeners assign their partitions and join no group.
 */
public final class KafkaAcls {

    private KafkaAcls() {
    }

    public static String principal(String user) {
        return "User:" + user;
    }

    /** The bindings of every service in {@code services}. */
    public static List<AclBinding> forServices(Collection<String> modules) {
        List<AclBinding> bindings = new ArrayList<>();
        modules.forEach(module -> bindings.addAll(forService(module)));
        return bindings;
    }

    /** The bindings of {@code User:<module>}, the principal of the service whose application id is {@code module}. */
    public static List<AclBinding> forService(String module) {
        String principal = principal(module);
        List<AclBinding> bindings = new ArrayList<>();
        for (TopicAccess access : Topics.ACCESS) {
            if (access.writers().contains(module)) {
                topic(bindings, principal, access.name(), AclOperation.WRITE, AclOperation.DESCRIBE);
            }
            if (access.readers().contains(module)) {
                topic(bindings, principal, access.name(), AclOperation.READ, AclOperation.DESCRIBE);
            }
        }
        topic(bindings, principal, Topics.deadLetterTopic(module), AclOperation.WRITE, AclOperation.DESCRIBE);
        // Streams' changelog and repartition topics: created, written, read, trimmed (deleteRecords), reconfigured.
        bindings.add(allow(principal, ResourceType.TOPIC, module + "-", PatternType.PREFIXED, AclOperation.ALL));
        // The Streams group is the application id; any other group of the service starts with it too.
        bindings.add(allow(principal, ResourceType.GROUP, module, PatternType.PREFIXED, AclOperation.READ));
        // Exactly-once Streams producers: transactional.id = <application.id>-<process id>-<thread>.
        bindings.add(allow(principal, ResourceType.TRANSACTIONAL_ID, module, PatternType.PREFIXED, AclOperation.WRITE));
        bindings.add(allow(principal, ResourceType.TRANSACTIONAL_ID, module, PatternType.PREFIXED, AclOperation.DESCRIBE));
        return bindings.stream().distinct().toList();
    }

    private static void topic(List<AclBinding> bindings, String principal, String topic, AclOperation... operations) {
        for (AclOperation operation : operations) {
            bindings.add(allow(principal, ResourceType.TOPIC, topic, PatternType.LITERAL, operation));
        }
    }

    private static AclBinding allow(String principal, ResourceType type, String name, PatternType pattern,
            AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }
}
