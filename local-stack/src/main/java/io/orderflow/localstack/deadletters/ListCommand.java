package io.orderflow.localstack.deadletters;

import java.io.PrintStream;
import java.util.List;

/** {@code list}: every dead letter once, oldest first, then how many there were. */
final class ListCommand {

    private ListCommand() {
    }

    static void run(DeadLetterOptions options, List<DeadLetter> letters, PrintStream out) {
        DistinctDeadLetters distinct = DistinctDeadLetters.of(letters);
        List<DeadLetter> shown = distinct.distinct().stream().limit(options.limit()).toList();
        if (!shown.isEmpty()) {
            out.println(DeadLetterListing.HEADER);
            shown.forEach(letter -> out.println(DeadLetterListing.line(letter)));
        }
        StringBuilder summary = new StringBuilder();
        summary.append(DeadLetterListing.count(distinct.distinct().size(), "dead letter"))
                .append(" in ").append(options.deadLetterTopic());
        if (options.fromOffset() > 0) {
            summary.append(" from offset ").append(options.fromOffset());
        }
        if (!distinct.copies().isEmpty()) {
            summary.append(" (")
                    .append(DeadLetterListing.count(distinct.copies().size(), "second copy", "second copies"))
                    .append(" of the same failure left out)");
        }
        if (shown.size() < distinct.distinct().size()) {
            summary.append("; the first ").append(shown.size()).append(" shown");
        }
        out.println(summary);
    }
}
