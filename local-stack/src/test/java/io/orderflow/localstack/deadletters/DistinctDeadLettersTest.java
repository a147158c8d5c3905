package io.orderflow.localstack.deadletters;

import static io.orderflow.localstack.deadletters.DeadLetterFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.topics.DeadLetterHeaders;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistinctDeadLettersTest {

    @Test
    void aFailureDeadLetteredTwiceByAReplayedTaskCountsOnceAsItsFirstCopy() {
        DeadLetter first = at(0, 3).at(1_000).processing().build();
        DeadLetter copy = at(0, 4).at(2_000).processing().header(DeadLetterHeaders.REASON, "said differently").build();
        DeadLetter other = at(1, 0).at(1_500).failed("processing", "stock-requests", 2, 6).build();

        DistinctDeadLetters distinct = DistinctDeadLetters.of(List.of(copy, other, first));

        assertThat(distinct.distinct()).containsExactly(first, other);
        assertThat(distinct.copies()).containsExactly(new DistinctDeadLetters.Copy(copy, first));
    }

    @Test
    void theSameSourceRecordFailingAtAnotherStageIsAnotherFailure() {
        DeadLetter processing = at(0, 0).processing().build();
        DeadLetter serialization = at(0, 1).failed("serialization", "stock-requests", 2, 5).build();

        assertThat(DistinctDeadLetters.of(List.of(processing, serialization)).distinct()).hasSize(2);
    }

    @Test
    void differentRefusedOutputsOfOneInputAreEachKeptButTheirCopiesAreNot() {
        DeadLetter toP1 = refused(0, 0, "p-1", "one");
        DeadLetter toP2 = refused(0, 1, "p-2", "two");
        DeadLetter toP1Again = refused(0, 2, "p-1", "one");

        DistinctDeadLetters distinct = DistinctDeadLetters.of(List.of(toP1, toP2, toP1Again));

        assertThat(distinct.distinct()).containsExactly(toP1, toP2);
        assertThat(distinct.copies()).extracting(DistinctDeadLetters.Copy::copy).containsExactly(toP1Again);
    }

    @Test
    void outputsOfOneInputThatCouldNotBeSerializedAreOneFailureBecauseEachHoldsThatInput() {
        DeadLetter a = at(0, 0).failed("serialization", "order-commands", 1, 9)
                .header(DeadLetterHeaders.OUTPUT_TOPIC, "orders").build();
        DeadLetter b = at(0, 1).failed("serialization", "order-commands", 1, 9)
                .header(DeadLetterHeaders.OUTPUT_TOPIC, "stock-requests").build();

        assertThat(DistinctDeadLetters.of(List.of(a, b)).distinct()).containsExactly(a);
    }

    @Test
    void aRecordWithoutDeadLetterHeadersStandsAlone() {
        DeadLetter a = at(0, 0).build();
        DeadLetter b = at(0, 1).build();

        assertThat(DistinctDeadLetters.of(List.of(a, b)).distinct()).containsExactly(a, b);
    }

    private static DeadLetter refused(int partition, long offset, String key, String value) {
        return at(partition, offset).failed("production", "order-commands", 1, 9)
                .header(DeadLetterHeaders.OUTPUT_TOPIC, "stock-requests").key(key).value(value).build();
    }
}
