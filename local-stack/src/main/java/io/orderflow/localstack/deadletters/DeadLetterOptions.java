package io.orderflow.localstack.deadletters;

import io.orderflow.events.topics.Topics;
import io.orderflow.localstack.Flag;
import io.orderflow.localstack.OrderflowService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the user asked the dead-letter tool for.
 *
 * @param command       list or replay; null with {@code help}
 * @param service       whose dead letters ({@code <service>-dlq}); null with {@code help}
 * @param bootstrap     {@code --bootstrap}, or null to take it from the command config or the environment
 * @param commandConfig {@code --command-config}: a Kafka client properties file, or null
 * @param fromOffset    list: the first offset read on every partition (0: from the beginning)
 * @param limit         list: print at most this many
 * @param offsets       replay: the chosen dead letters (empty with {@code all})
 * @param all           replay: every dead letter that can be replayed
 * @param dryRun        replay: print what would be written, write nothing
 * @param timeout       how long reading to the end, or one write, may take before the tool gives up
 * @param help          print usage and exit
 */
record DeadLetterOptions(Command command, String service, String bootstrap, Path commandConfig, long fromOffset,
                         int limit, List<DeadLetterPosition> offsets, boolean all, boolean dryRun, Duration timeout,
                         boolean help) {

    enum Command {
        LIST, REPLAY
    }

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    static final String USAGE = """
            Usage: dead-letters.sh list <service> [--from-offset N] [--limit N] [options]
                   dead-letters.sh replay <service> (--offsets P@O[,P@O...] | --all) [--dry-run] [options]

            Reads <service>-dlq (read_committed, from its beginning to its end when the command starts) and
            counts a dead letter written twice for one failure once (see docs/operations.md, "Dead letters").

              list                     one line per dead letter, oldest first: its partition@offset, time,
                                       stage, source record, the topic a replay goes to, key, value, reason
                --from-offset N        start every partition at offset N (default: its beginning)
                --limit N              print the first N only
              replay                   re-publish dead letters to the topic their record came from (stage
                                       production: to the output topic the refused record was for), with
                                       their key, value and headers, less dlq.*, plus dlq.replayed-from;
                                       idempotent producer, acknowledged by all in-sync replicas
                --offsets P@O[,...]    these dead letters (P@O as list prints them); if one of them cannot
                                       be replayed (value omitted) nothing is written
                --all                  every one that can be replayed; the others are printed as skipped
                --dry-run              print what would be written, write nothing
              --bootstrap HOST:PORT    Kafka (default: bootstrap.servers of the command config, else
                                       $KAFKA_BOOTSTRAP_SERVERS, else localhost:9092)
              --command-config FILE    Kafka client properties (security.protocol, sasl.*, ssl.*), as
                                       Kafka's own tools take them (default: $KAFKA_COMMAND_CONFIG;
                                       dead-letters.sh sets it to the local stack's
                                       .data/kafka/admin-client.properties when that exists)
              --timeout SECONDS        give up reading to the end, or waiting for a write, after this long
                                       (default 30)
              -h, --help               this text
            Services: %s
            Exit codes: 0 done; 1 failed (Kafka unreachable, no such dead letter, one that cannot be
            replayed, a write refused); 2 bad usage.
            """.formatted(String.join(", ", OrderflowService.moduleNames()));

    private static final Set<String> VALUED = Set.of(
            "--bootstrap", "--command-config", "--from-offset", "--limit", "--offsets", "--timeout");

    DeadLetterOptions {
        offsets = List.copyOf(offsets);
    }

    String deadLetterTopic() {
        return Topics.deadLetterTopic(service);
    }

    /**
     * @throws IllegalArgumentException with a message meant for the user
     */
    static DeadLetterOptions parse(List<String> args) {
        if (args.contains("-h") || args.contains("--help")) {
            return new DeadLetterOptions(null, null, null, null, 0, Integer.MAX_VALUE, List.of(), false, false,
                    DEFAULT_TIMEOUT, true);
        }
        List<String> positional = new ArrayList<>();
        String bootstrap = null;
        Path commandConfig = null;
        Long fromOffset = null;
        Integer limit = null;
        Set<DeadLetterPosition> offsets = new LinkedHashSet<>();
        boolean all = false;
        boolean dryRun = false;
        Duration timeout = DEFAULT_TIMEOUT;

        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("-")) {
                positional.add(arg);
                continue;
            }
            Flag parsed = Flag.of(arg);
            String flag = parsed.name();
            String value = parsed.inlineValue();
            if (VALUED.contains(flag) && value == null) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    throw new IllegalArgumentException(flag + " needs a value");
                }
                value = args.get(++i);
            }
            switch (flag) {
                case "--all" -> all = true;
                case "--dry-run" -> dryRun = true;
                case "--bootstrap" -> bootstrap = value;
                case "--command-config" -> commandConfig = Path.of(value);
                case "--from-offset" -> fromOffset = number(flag, value, 0);
                case "--limit" -> limit = Math.toIntExact(Math.min(number(flag, value, 1), Integer.MAX_VALUE));
                case "--timeout" -> timeout = Duration.ofSeconds(number(flag, value, 1));
                case "--offsets" -> {
                    for (String position : value.split(",")) {
                        offsets.add(DeadLetterPosition.parse(position));
                    }
                }
                default -> throw new IllegalArgumentException("Unknown option: " + arg);
            }
        }

        if (positional.isEmpty()) {
            throw new IllegalArgumentException("Missing command: list or replay");
        }
        Command command = switch (positional.get(0)) {
            case "list" -> Command.LIST;
            case "replay" -> Command.REPLAY;
            default -> throw new IllegalArgumentException(
                    "Unknown command: " + positional.get(0) + " (list or replay)");
        };
        if (positional.size() < 2) {
            throw new IllegalArgumentException(
                    "Missing service (one of " + String.join(", ", OrderflowService.moduleNames()) + ")");
        }
        if (positional.size() > 2) {
            throw new IllegalArgumentException("Unexpected argument: " + positional.get(2));
        }
        String service = positional.get(1);
        if (OrderflowService.byModuleName(service).isEmpty()) {
            throw new IllegalArgumentException("Unknown service: " + service + " (known: "
                    + String.join(", ", OrderflowService.moduleNames()) + ")");
        }

        switch (command) {
            case LIST -> {
                if (!offsets.isEmpty() || all || dryRun) {
                    throw new IllegalArgumentException("--offsets, --all and --dry-run are for replay, not list");
                }
            }
            case REPLAY -> {
                if (fromOffset != null || limit != null) {
                    throw new IllegalArgumentException("--from-offset and --limit are for list, not replay");
                }
                if (offsets.isEmpty() == !all) {
                    throw new IllegalArgumentException("replay needs either --offsets P@O[,P@O...] or --all");
                }
            }
        }
        return new DeadLetterOptions(command, service, bootstrap, commandConfig, fromOffset == null ? 0 : fromOffset,
                limit == null ? Integer.MAX_VALUE : limit, List.copyOf(offsets), all, dryRun, timeout, false);
    }

    private static long number(String flag, String value, long min) {
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + ": not a number: " + value);
        }
        if (number < min) {
            throw new IllegalArgumentException(flag + ": at least " + min + ", got " + number);
        }
        return number;
    }
}
