package io.orderflow.localstack.deadletters;

import static io.orderflow.localstack.deadletters.DeadLetterFixture.at;
import static io.orderflow.localstack.deadletters.DeadLetterFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.topics.DeadLetterHeaders;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class ReplayPlanTest {

    @Test
    void anInputGoesBackToItsSourcePartitionWithItsKeyValueAndHeadersLessTheDeadLetterOnes() {
        DeadLetter letter = at(3, 17).header("traceparent", "00-abc-def-01").processing()
                .key("p-1").value("{\"v\":1}").build();

        ProducerRecord<byte[], byte[]> record = letter.replayRecord();

        assertThat(record.topic()).isEqualTo("stock-requests");
        assertThat(record.partition()).isEqualTo(2);
        assertThat(record.timestamp()).as("a new record, stamped when written").isNull();
        assertThat(text(record.key())).isEqualTo("p-1");
        assertThat(text(record.value())).isEqualTo("{\"v\":1}");
        assertThat(record.headers().toArray()).extracting(Header::key)
                .containsExactly("traceparent", DeadLetterHeaders.REPLAYED_FROM);
        assertThat(text(record.headers().lastHeader(DeadLetterHeaders.REPLAYED_FROM).value()))
                .isEqualTo("stock-service-dlq-3@17");
    }

    @Test
    void aRefusedOutputGoesToTheTopicItWasForPartitionedByItsKey() {
        DeadLetter letter = at(0, 1).failed("production", "stock-requests", 2, 5)
                .header(DeadLetterHeaders.OUTPUT_TOPIC, "order-validations").key("o-1").build();

        ProducerRecord<byte[], byte[]> record = letter.replayRecord();

        assertThat(record.topic()).isEqualTo("order-validations");
        assertThat(record.partition()).isNull();
        assertThat(text(record.key())).isEqualTo("o-1");
    }

    @Test
    void anInputWhoseOutputCouldNotBeSerializedGoesBackToItsSource() {
        DeadLetter letter = at(0, 1).failed("serialization", "stock-requests", 4, 5)
                .header(DeadLetterHeaders.OUTPUT_TOPIC, "order-validations").build();

        assertThat(letter.replayTopic()).isEqualTo("stock-requests");
        assertThat(letter.replayPartition()).isEqualTo(4);
    }

    @Test
    void whatCannotBeReplayedIsRefusedAndSaysWhy() {
        DeadLetter omitted = at(0, 0).failed("production", "stock-requests", 2, 5)
                .header(DeadLetterHeaders.OUTPUT_TOPIC, "order-validations")
                .header(DeadLetterHeaders.VALUE_OMITTED, "too large: 2097152 bytes").value(null).build();
        DeadLetter changelog = at(0, 1).failed("production", "stock-requests", 2, 6)
                .header(DeadLetterHeaders.OUTPUT_TOPIC, "stock-service-stock-store-changelog").build();
        DeadLetter nowhere = at(0, 2).build();
        DeadLetter fine = at(0, 3).processing().build();

        ReplayPlan plan = ReplayPlan.of(List.of(omitted, changelog, nowhere, fine), false);

        assertThat(plan.replay()).containsExactly(fine);
        assertThat(plan.refused()).extracting(ReplayPlan.Skip::letter).containsExactly(omitted, changelog, nowhere);
        assertThat(plan.refused()).extracting(ReplayPlan.Skip::why).satisfiesExactly(
                why -> assertThat(why).contains("value omitted", "too large: 2097152 bytes", "stock-requests-2@5"),
                why -> assertThat(why).contains("internal topic"),
                why -> assertThat(why).contains("do not say where it came from"));
    }

    @Test
    void aSecondCopyOfAChosenFailureIsSkippedNotPublishedTwice() {
        DeadLetter first = at(0, 3).at(1_000).processing().build();
        DeadLetter copy = at(0, 4).at(2_000).processing().build();

        ReplayPlan plan = ReplayPlan.of(List.of(copy, first), false);

        assertThat(plan.replay()).containsExactly(first);
        assertThat(plan.skipped()).singleElement().satisfies(skip -> {
            assertThat(skip.letter()).isEqualTo(copy);
            assertThat(skip.why()).contains("second copy of 0@3");
        });
    }

    @Test
    void allLeavesOutAReplayThatFailedAgainWhenItsOriginIsReplayedInTheSameRun() {
        DeadLetter origin = at(0, 3).at(1_000).processing().build();
        DeadLetter failedAgain = at(1, 0).at(5_000).failed("processing", "stock-requests", 2, 40)
                .header(DeadLetterHeaders.REPLAYED_FROM, "stock-service-dlq-0@3").build();
        DeadLetter originGone = at(1, 1).at(6_000).failed("processing", "stock-requests", 2, 41)
                .header(DeadLetterHeaders.REPLAYED_FROM, "stock-service-dlq-0@1").build();

        ReplayPlan all = ReplayPlan.of(List.of(origin, failedAgain, originGone), true);

        assertThat(all.replay()).containsExactly(origin, originGone);
        assertThat(all.skipped()).singleElement().satisfies(skip -> {
            assertThat(skip.letter()).isEqualTo(failedAgain);
            assertThat(skip.why()).contains("a replay of stock-service-dlq-0@3 that failed again");
        });
        assertThat(ReplayPlan.of(List.of(origin, failedAgain), false).replay())
                .as("named with --offsets, it is the user's choice").containsExactly(origin, failedAgain);
    }
}
