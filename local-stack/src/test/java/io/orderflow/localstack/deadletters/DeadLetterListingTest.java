package io.orderflow.localstack.deadletters;

import static io.orderflow.localstack.deadletters.DeadLetterFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.topics.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeadLetterListingTest {

    @Test
    void oneLineSaysWhereWhenWhatAndWhy() {
        DeadLetter letter = at(3, 17).at(1_764_064_800_120L).processing()
                .header(DeadLetterHeaders.REASON, "Unknown type: Frobnicate\n\tat io.orderflow...\n").build();

        String line = DeadLetterListing.line(letter);

        assertThat(line).startsWith("3@17 ").contains(" 2025-11-25T10:00:00.120Z ", " processing ",
                " stock-requests-2@5 ", " stock-requests ", " p-1 ", " 23 bytes ")
                .endsWith(" Unknown type: Frobnicate ...");
        assertThat(DeadLetterListing.HEADER).startsWith("DLQ").contains("SOURCE", "REPLAY TO").endsWith("REASON");
    }

    @Test
    void showsAnOmittedValueAReplayThatFailedAgainAndTheOutputTopicOfARefusedRecord() {
        DeadLetter letter = at(0, 1).failed("production", "stock-requests", 2, 5)
                .header(DeadLetterHeaders.OUTPUT_TOPIC, "order-validations")
                .header(DeadLetterHeaders.VALUE_OMITTED, "too large: 2097152 bytes")
                .header(DeadLetterHeaders.REPLAYED_FROM, "stock-service-dlq-0@0").value(null).build();

        assertThat(DeadLetterListing.line(letter)).contains(" order-validations ",
                " value omitted (too large: 2097152 bytes) ", "[replay of stock-service-dlq-0@0] boom");
    }

    @Test
    void cutsAHugeKeyAndAHugeReasonAndHidesControlCharacters() {
        byte[] huge = "x".repeat(1_000_000).getBytes(StandardCharsets.UTF_8);

        assertThat(DeadLetterListing.key(huge)).isEqualTo("x".repeat(40) + "...(1000000 bytes)");
        assertThat(DeadLetterListing.key("a\u0000b".getBytes(StandardCharsets.UTF_8))).isEqualTo("a?b");
        assertThat(DeadLetterListing.key(null)).isEqualTo("-");
        assertThat(DeadLetterListing.oneLine("y".repeat(5_000), 200)).isEqualTo("y".repeat(200) + " ...");
        assertThat(DeadLetterListing.oneLine(null, 200)).isEqualTo("-");
    }
}
