package io.orderflow.service.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.testsupport.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class KafkaStreamsHealthTest {

    private static final Duration NOT_RUNNING_TIMEOUT = Duration.ofMinutes(5);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final StreamThreadReplacement replacements =
            new StreamThreadReplacement(1, Duration.ofMinutes(10), clock, pause -> { });
    private final KafkaStreamsHealth health = new KafkaStreamsHealth(clock, NOT_RUNNING_TIMEOUT, replacements);

    @Test
    void startingIsNotReadyButAliveUntilTheBoundThenReadinessIsDownAndLivenessStaysUp() {
        health.onChange(State.REBALANCING, State.CREATED);
        clock.advance(NOT_RUNNING_TIMEOUT);
        assertThat(readiness()).isEqualTo(Status.OUT_OF_SERVICE);

        clock.advance(Duration.ofSeconds(1));

        assertThat(readiness()).isEqualTo(Status.DOWN);
        assertThat(liveness()).as("a restart would only restart the restore").isEqualTo(Status.UP);
        health.onChange(State.RUNNING, State.REBALANCING);
        assertThat(readiness()).isEqualTo(Status.UP);
    }

    @Test
    void aRoutineRebalanceOfARunningAppKeepsItReady() {
        health.onChange(State.REBALANCING, State.CREATED);
        health.onChange(State.RUNNING, State.REBALANCING);
        clock.advance(Duration.ofHours(1));

        health.onChange(State.REBALANCING, State.RUNNING);
        clock.advance(KafkaStreamsHealth.REBALANCE_GRACE.minusMillis(1));

        assertThat(readiness()).isEqualTo(Status.UP);
        clock.advance(Duration.ofMillis(2));
        assertThat(readiness()).isEqualTo(Status.OUT_OF_SERVICE);
    }

    @Test
    void aRebalanceThatNeverEndsTurnsReadinessDownOnlyAfterTheBound() {
        health.onChange(State.REBALANCING, State.CREATED);
        health.onChange(State.RUNNING, State.REBALANCING);
        health.onChange(State.REBALANCING, State.RUNNING);

        clock.advance(NOT_RUNNING_TIMEOUT.plusSeconds(1));

        assertThat(readiness()).isEqualTo(Status.DOWN);
        assertThat(liveness()).isEqualTo(Status.UP);
    }

    @Test
    void errorIsDownForBoth() {
        health.onChange(State.PENDING_ERROR, State.RUNNING);

        assertThat(readiness()).isEqualTo(Status.DOWN);
        assertThat(liveness()).isEqualTo(Status.DOWN);
    }

    @Test
    void threadsDyingMoreOftenThanTheBoundTurnLivenessDown() {
        health.onChange(State.RUNNING, State.REBALANCING);
        replacements.handle(new IllegalStateException("first"));
        assertThat(liveness()).isEqualTo(Status.UP);

        replacements.handle(new IllegalStateException("second"));

        assertThat(liveness()).isEqualTo(Status.DOWN);
        assertThat(health.liveness().health().getDetails()).containsEntry("lastThreadError",
                "java.lang.IllegalStateException: second");
    }

    private Status readiness() {
        return health.health().getStatus();
    }

    private Status liveness() {
        return health.liveness().health().getStatus();
    }
}
