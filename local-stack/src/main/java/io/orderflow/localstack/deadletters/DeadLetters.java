package io.orderflow.localstack.deadletters;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.KafkaException;

/**
 * Lists a service's dead letters and replays chosen ones once their cause is fixed; started by dead-letters.sh
 * at the project root. Usage: {@link DeadLetterOptions#USAGE}; what it does and why: docs/operations.md,
 * "Dead letters".
 */
public final class DeadLetters {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE_ERROR = 2;

    private DeadLetters() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), System.out, System.err));
    }

    /** Runs one command; the exit code says how it went. */
    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        DeadLetterOptions options;
        KafkaClientSettings settings;
        try {
            options = DeadLetterOptions.parse(args);
            if (options.help()) {
                out.print(DeadLetterOptions.USAGE);
                return OK;
            }
            settings = KafkaClientSettings.of(options, env);
        } catch (IllegalArgumentException e) {
            err.println("dead-letters: " + e.getMessage());
            err.print(DeadLetterOptions.USAGE);
            return USAGE_ERROR;
        }
        try {
            List<DeadLetter> letters = DeadLetterReader.read(settings, options.deadLetterTopic(), options.fromOffset());
            switch (options.command()) {
                case LIST -> ListCommand.run(options, letters, out);
                case REPLAY -> ReplayCommand.run(options, settings, letters, out);
            }
            return OK;
        } catch (IllegalStateException | KafkaException e) {
            err.println("dead-letters: " + e.getMessage());
            return FAILED;
        }
    }
}
