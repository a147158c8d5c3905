package io.orderflow.service.streams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Follows the Kafka Streams state and answers two questions: is this instance ready for traffic (only
 * when RUNNING, or briefly rebalancing after having run), and is it alive (not in ERROR). Registered as
 * the {@code kafkaStreams} readiness indicator; {@link #liveness()} backs the liveness group.
 */
public final class KafkaStreamsHealth implements KafkaStreams.StateListener, HealthIndicator {

    /** A rebalance shorter than this keeps the instance ready, so routine rebalances do not flap readiness. */
    static final Duration REBALANCE_GRACE = Duration.ofSeconds(5);

    private final Clock clock;
    private volatile State state = State.CREATED;
    private volatile Instant since;
    private volatile boolean hasRun;
    private final java.util.List<Runnable> onRunning = new java.util.concurrent.CopyOnWriteArrayList<>();

    public KafkaStreamsHealth() {
        this(Clock.systemUTC());
    }

    KafkaStreamsHealth(Clock clock) {
        this.clock = clock;
        this.since = clock.instant();
    }

    @Override
    public void onChange(State newState, State oldState) {
        state = newState;
        since = clock.instant();
        if (newState == State.RUNNING) {
            hasRun = true;
            onRunning.forEach(Runnable::run);
        }
    }

    /** Runs {@code action} each time Kafka Streams (re)enters RUNNING, i.e. after every rebalance: keys may have moved. */
    public void onRunning(Runnable action) {
        onRunning.add(action);
    }

    public State state() {
        return state;
    }

    public boolean isReady() {
        return switch (state) {
            case RUNNING -> true;
            case REBALANCING -> hasRun && Duration.between(since, clock.instant()).compareTo(REBALANCE_GRACE) < 0;
            default -> false;
        };
    }

    public boolean isAlive() {
        return state != State.ERROR && state != State.PENDING_ERROR;
    }

    @Override
    public Health health() {
        Health.Builder builder = isReady() ? Health.up() : (isAlive() ? Health.outOfService() : Health.down());
        return builder.withDetail("state", state.name()).withDetail("since", since.toString()).build();
    }

    public HealthIndicator liveness() {
        return () -> (isAlive() ? Health.up() : Health.down()).withDetail("state", state.name()).build();
    }
}
