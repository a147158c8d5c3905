package io.orderflow.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * Messages written to the broker, per topic: the sum of the partitions' end offsets, every topic included
 * (shared, Streams repartition and changelog topics, {@code __consumer_offsets}, {@code __transaction_state}).
 * The difference of two snapshots is what was written in between. Under exactly-once, each transaction's
 * commit marker takes one offset per partition it wrote, so markers are counted too (they are writes).
 * Bytes come from the broker's log sizes per topic.
 */
final class TopicTraffic implements AutoCloseable {

    private final Admin admin;

    /** @param clientProperties how to reach and authenticate to the broker (the admin: it lists every topic) */
    TopicTraffic(Map<String, Object> clientProperties) {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "benchmark-traffic");
        this.admin = Admin.create(config);
    }

    /** End offsets summed per topic, right now. */
    Map<String, Long> endOffsets() {
        try {
            var names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(30, TimeUnit.SECONDS);
            Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            topics.values().forEach(t -> t.partitions()
                    .forEach(p -> request.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets =
                    admin.listOffsets(request).all().get(30, TimeUnit.SECONDS);
            Map<String, Long> byTopic = new TreeMap<>();
            offsets.forEach((tp, info) -> byTopic.merge(tp.topic(), info.offset(), Long::sum));
            return byTopic;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading end offsets", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read end offsets: " + e.getMessage(), e);
        }
    }

    /**
     * Bytes on disk per topic right now (the broker's log sizes). Differences between two snapshots are the
     * bytes written in between, as long as no segment was deleted or compacted away meanwhile (minutes-long
     * windows on a fresh broker: none is).
     */
    Map<String, Long> logBytes() {
        try {
            var nodes = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).stream().map(n -> n.id()).toList();
            Map<String, Long> byTopic = new TreeMap<>();
            admin.describeLogDirs(nodes).allDescriptions().get(30, TimeUnit.SECONDS).values().forEach(dirs ->
                    dirs.values().forEach(dir -> dir.replicaInfos().forEach((tp, replica) ->
                            byTopic.merge(tp.topic(), replica.size(), Long::sum))));
            return byTopic;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading log sizes", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read log sizes: " + e.getMessage(), e);
        }
    }

    /** Messages written per topic between two snapshots (a topic created in between counts from zero). */
    static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((topic, end) -> delta.put(topic, end - before.getOrDefault(topic, 0L)));
        return delta;
    }

    static long total(Map<String, Long> perTopic) {
        return perTopic.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The topics with the most messages, largest first. */
    static List<Map.Entry<String, Long>> top(Map<String, Long> perTopic, int n) {
        return perTopic.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .toList();
    }

    @Override
    public void close() {
        admin.close();
    }
}
