package io.orderflow.localstack.deadletters;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code replay}: publishes the chosen dead letters ({@link ReplayPlan}) one at a time, each acknowledged before
 * the next, and prints each as it is written, so a failure half way leaves a plain account of what was.
 */
final class ReplayCommand {

    private ReplayCommand() {
    }

    /**
     * @throws IllegalStateException when a chosen dead letter is missing or cannot be replayed (nothing written)
     *                               or a write fails (those before it written, and printed)
     */
    static void run(DeadLetterOptions options, KafkaClientSettings settings, List<DeadLetter> letters,
            PrintStream out) {
        ReplayPlan plan = ReplayPlan.of(chosen(options, letters), options.all());
        if (!options.all() && !plan.refused().isEmpty()) {
            StringBuilder message = new StringBuilder("nothing written: ");
            message.append(DeadLetterListing.count(plan.refused().size(), "chosen dead letter"))
                    .append(" cannot be replayed:");
            plan.refused().forEach(skip -> message.append("\n  ").append(skip.letter().position()).append(": ")
                    .append(skip.why()));
            throw new IllegalStateException(message.toString());
        }
        plan.skipped().forEach(skip -> out.println("skipped " + skip.letter().position() + ": " + skip.why()));
        plan.refused().forEach(skip -> out.println("skipped " + skip.letter().position() + ", cannot be replayed: "
                + skip.why()));
        if (plan.replay().isEmpty()) {
            out.println("nothing to replay from " + options.deadLetterTopic());
            return;
        }
        if (options.dryRun()) {
            dryRun(plan, out);
        } else {
            write(plan, settings, out);
            out.println("replayed " + DeadLetterListing.count(plan.replay().size(), "dead letter") + " from "
                    + options.deadLetterTopic());
        }
    }

    private static void dryRun(ReplayPlan plan, PrintStream out) {
        for (DeadLetter letter : plan.replay()) {
            out.println("would replay " + letter.position() + " -> " + target(letter.replayRecord()) + " "
                    + what(letter));
        }
        out.println("dry run: " + DeadLetterListing.count(plan.replay().size(), "dead letter")
                + " would be replayed, nothing written");
    }

    private static void write(ReplayPlan plan, KafkaClientSettings settings, PrintStream out) {
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings.producer(), new ByteArraySerializer(),
                new ByteArraySerializer());
        try {
            for (DeadLetter letter : plan.replay()) {
                RecordMetadata written = send(producer, letter, settings);
                out.println("replayed " + letter.position() + " -> " + written.topic() + "-" + written.partition() + "@"
                        + written.offset() + " " + what(letter));
            }
        } finally {
            // close() alone waits without limit for a write still in flight (after a failure, say).
            producer.close(settings.timeout());
        }
    }

    private static List<DeadLetter> chosen(DeadLetterOptions options, List<DeadLetter> letters) {
        if (options.all()) {
            return letters;
        }
        Map<DeadLetterPosition, DeadLetter> byPosition = new LinkedHashMap<>();
        letters.forEach(letter -> byPosition.put(letter.position(), letter));
        List<DeadLetter> chosen = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (DeadLetterPosition position : options.offsets()) {
            DeadLetter letter = byPosition.get(position);
            if (letter == null) {
                missing.add(position.toString());
            } else {
                chosen.add(letter);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("nothing written: no dead letter at " + String.join(", ", missing) + " in "
                    + options.deadLetterTopic() + " (list shows where they are)");
        }
        return chosen;
    }

    private static RecordMetadata send(KafkaProducer<byte[], byte[]> producer, DeadLetter letter,
            KafkaClientSettings settings) {
        ProducerRecord<byte[], byte[]> record = letter.replayRecord();
        try {
            // The producer's delivery timeout ends the wait first; this bound is for a producer that never answers.
            return producer.send(record).get(settings.timeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw notWritten(letter, record, String.valueOf(e.getCause().getMessage()));
        } catch (TimeoutException e) {
            throw notWritten(letter, record, "no answer within " + settings.timeout().toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notWritten(letter, record, "interrupted");
        } catch (KafkaException e) {
            throw notWritten(letter, record, e.getMessage());
        }
    }

    private static IllegalStateException notWritten(DeadLetter letter, ProducerRecord<byte[], byte[]> record,
            String why) {
        return new IllegalStateException("could not write " + letter.position() + " to " + target(record) + ": " + why
                + " (the ones printed above were written; it and those after it were not)");
    }

    private static String target(ProducerRecord<byte[], byte[]> record) {
        return record.partition() == null ? record.topic() + " (partition by key)"
                : record.topic() + "-" + record.partition();
    }

    private static String what(DeadLetter letter) {
        return "(key " + DeadLetterListing.key(letter.key()) + ", " + DeadLetterListing.value(letter) + ")";
    }
}
