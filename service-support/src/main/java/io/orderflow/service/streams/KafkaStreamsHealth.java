package io.orderflow.service.streams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Follows the Kafka Streams state and answers two questions. Ready for traffic: only when RUNNING, or briefly
 * rebalancing after having run; not ready otherwise, and DOWN (not just out of service) once it has not been
 * RUNNING for longer than {@code notRunningTimeout}, so a start or a rebalance that never ends stands out.
 * Alive: not in ERROR, and the stream threads have not died more often than {@link StreamThreadReplacement}
 * allows. A slow start, a long restore or a broker outage keeps the instance alive on purpose: a restart
 * would begin the restore again and cannot bring a broker back; a client that shut down on errors can only
 * come back by a restart. Registered as the {@code kafkaStreams} readiness indicator; {@link #liveness()}
 * backs the liveness group.
 */
public final class KafkaStreamsHealth implements KafkaStreams.StateListener, HealthIndicator {

    /** A rebalance shorter than this keeps the instance ready, so routine rebalances do not flap readiness. */
    static final Duration REBALANCE_GRACE = Duration.ofSeconds(5);

    private final Clock clock;
    private final Duration notRunningTimeout;
    private final StreamThreadReplacement replacements;
    private final List<Runnable> onRunning = new CopyOnWriteArrayList<>();
    private volatile State state = State.CREATED;
    private volatile Instant since;
    /** Since when Kafka Streams has not been RUNNING (created, or left RUNNING); null while RUNNING. */
    private volatile Instant notRunningSince;
    private volatile boolean hasRun;

    public KafkaStreamsHealth(Clock clock, Duration notRunningTimeout, StreamThreadReplacement replacements) {
        this.clock = clock;
        this.notRunningTimeout = notRunningTimeout;
        this.replacements = replacements;
        this.since = clock.instant();
        this.notRunningSince = since;
    }

    @Override
    public void onChange(State newState, State oldState) {
        Instant now = clock.instant();
        state = newState;
        since = now;
        if (newState == State.RUNNING) {
            hasRun = true;
            notRunningSince = null;
            onRunning.forEach(Runnable::run);
        } else if (notRunningSince == null) {
            notRunningSince = now;
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
        return state != State.ERROR && state != State.PENDING_ERROR && !replacements.gaveUp();
    }

    /** Not RUNNING for longer than the bound (never started, or a rebalance or restore that does not end). */
    boolean notRunningTooLong() {
        Instant from = notRunningSince;
        return from != null && Duration.between(from, clock.instant()).compareTo(notRunningTimeout) > 0;
    }

    @Override
    public Health health() {
        Health.Builder builder;
        if (isReady()) {
            builder = Health.up();
        } else if (!isAlive() || notRunningTooLong()) {
            builder = Health.down();
        } else {
            builder = Health.outOfService();
        }
        builder.withDetail("state", state.name()).withDetail("since", since.toString());
        Instant from = notRunningSince;
        if (from != null) {
            builder.withDetail("notRunningSince", from.toString())
                    .withDetail("notRunningTimeout", notRunningTimeout.toString());
        }
        return builder.build();
    }

    public HealthIndicator liveness() {
        return () -> {
            Health.Builder builder = (isAlive() ? Health.up() : Health.down())
                    .withDetail("state", state.name())
                    .withDetail("threadReplacements", replacements.replacementsInWindow());
            if (replacements.lastError() != null) {
                builder.withDetail("lastThreadError", replacements.lastError());
            }
            return builder.build();
        };
    }
}
