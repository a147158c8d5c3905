package io.orderflow.service.streams;

import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Passes a command's answer on and asks Kafka Streams to commit once the records in hand are processed,
 * instead of at the next commit interval. Why: the REST layer's listener reads answers {@code read_committed},
 * so a client waits for the commit that makes its answer visible; with the interval alone that is 0-100 ms
 * more per request, and a fixed number of connections can then send no more than connections / latency
 * requests a second. Under load the thread commits after each batch it polls (a commit holds every answer of
 * the batch), so commits grow with the batches, not with the requests; when idle a single request commits on
 * its own. Only answers ask for it: the saga's own hops keep the interval.
 */
public final class CommitPromptly<K, V> implements FixedKeyProcessor<K, V, V> {

    private FixedKeyProcessorContext<K, V> context;

    /** {@code answers}, each committed promptly once written. */
    public static <K, V> KStream<K, V> answers(KStream<K, V> answers) {
        return answers.processValues(CommitPromptly::new, Named.as("commit-promptly"));
    }

    @Override
    public void init(FixedKeyProcessorContext<K, V> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<K, V> record) {
        context.forward(record);
        context.commit();
    }
}
