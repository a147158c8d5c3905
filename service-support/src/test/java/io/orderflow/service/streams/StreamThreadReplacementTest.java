package io.orderflow.service.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;

import io.orderflow.testsupport.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class StreamThreadReplacementTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final List<Duration> pauses = new ArrayList<>();
    private final StreamThreadReplacement policy =
            new StreamThreadReplacement(3, Duration.ofMinutes(10), clock, pauses::add);

    @Test
    void replacesUpToTheBoundWithAPauseThatDoublesThenShutsTheClientDown() {
        List<StreamThreadExceptionResponse> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(policy.handle(new IllegalStateException("boom " + i)));
            clock.advance(Duration.ofSeconds(10));
        }

        assertThat(answers).containsExactly(REPLACE_THREAD, REPLACE_THREAD, REPLACE_THREAD, SHUTDOWN_CLIENT);
        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(policy.gaveUp()).isTrue();
        assertThat(policy.lastError()).contains("boom 3");
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        policy.handle(new IllegalStateException("one"));
        policy.handle(new IllegalStateException("two"));
        policy.handle(new IllegalStateException("three"));
        assertThat(policy.replacementsInWindow()).isEqualTo(3);

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        assertThat(policy.replacementsInWindow()).isZero();
        assertThat(policy.handle(new IllegalStateException("four, much later"))).isEqualTo(REPLACE_THREAD);
        assertThat(pauses.get(pauses.size() - 1)).as("the pause starts short again").isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.gaveUp()).isFalse();
    }

    @Test
    void thePauseNeverExceedsTheLongestPause() {
        StreamThreadReplacement patient = new StreamThreadReplacement(10, Duration.ofHours(1), clock, pauses::add);
        for (int i = 0; i < 10; i++) {
            patient.handle(new IllegalStateException("again"));
        }

        assertThat(pauses).hasSize(10).allSatisfy(p -> assertThat(p).isLessThanOrEqualTo(StreamThreadReplacement.LONGEST_PAUSE));
        assertThat(pauses.get(9)).isEqualTo(StreamThreadReplacement.LONGEST_PAUSE);
    }
}
