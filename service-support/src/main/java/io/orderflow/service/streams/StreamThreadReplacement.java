package io.orderflow.service.streams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a stream thread that dies of an unexpected error: it is replaced, with a growing pause
 * before each replacement, at most {@code maxReplacements} times within {@code window}. Exactly-once aborts
 * the dead thread's open transaction, so a replacement resumes from the last commit and a passing fault
 * (a broker hiccup, a fenced producer) heals. An error that comes back every time would otherwise loop
 * forever while liveness stayed UP; past the bound the client shuts down ({@code SHUTDOWN_CLIENT}), Kafka
 * Streams goes to {@code ERROR}, liveness goes DOWN, and the orchestrator restarts the process.
 */
public final class StreamThreadReplacement implements StreamsUncaughtExceptionHandler {

    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    /** Short enough that a replacement pausing on the dying thread never outlasts the 10 s close timeout. */
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(8);

    /** Waits on the dying stream thread; a test passes one that only records. */
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    /** What to answer Kafka Streams, and how long to wait before answering. */
    record Decision(StreamThreadExceptionResponse response, Duration pause) {
    }

    private static final Logger log = LoggerFactory.getLogger(StreamThreadReplacement.class);

    private final int maxReplacements;
    private final Duration window;
    private final Clock clock;
    private final Pause pause;
    private final Deque<Instant> replacements = new ArrayDeque<>();
    private volatile String lastError;
    private volatile boolean gaveUp;

    /** Pauses with {@code Thread.sleep} between replacements: the stream thread waits, nothing else does. */
    public StreamThreadReplacement(int maxReplacements, Duration window, Clock clock) {
        this(maxReplacements, window, clock, duration -> Thread.sleep(duration.toMillis()));
    }

    StreamThreadReplacement(int maxReplacements, Duration window, Clock clock, Pause pause) {
        this.maxReplacements = maxReplacements;
        this.window = window;
        this.clock = clock;
        this.pause = pause;
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable error) {
        lastError = error.getClass().getName() + ": " + error.getMessage();
        Decision decision = decide();
        if (decision.response() == StreamThreadExceptionResponse.SHUTDOWN_CLIENT) {
            log.error("stream thread died {} times within {}; shutting Kafka Streams down so liveness fails "
                    + "and the process is restarted", maxReplacements + 1, window, error);
            return decision.response();
        }
        log.error("stream thread died; replacing it in {} ms ({} of at most {} replacements within {})",
                decision.pause().toMillis(), replacementsInWindow(), maxReplacements, window, error);
        try {
            pause.pause(decision.pause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return decision.response();
    }

    /** Counts this failure: a replacement after a pause that doubles with each one in the window, or the end. */
    synchronized Decision decide() {
        Instant now = clock.instant();
        while (!replacements.isEmpty() && !replacements.peekFirst().isAfter(now.minus(window))) {
            replacements.removeFirst();
        }
        if (replacements.size() >= maxReplacements) {
            gaveUp = true;
            return new Decision(StreamThreadExceptionResponse.SHUTDOWN_CLIENT, Duration.ZERO);
        }
        Duration next = FIRST_PAUSE.multipliedBy(1L << Math.min(replacements.size(), 16));
        replacements.addLast(now);
        return new Decision(StreamThreadExceptionResponse.REPLACE_THREAD,
                next.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : next);
    }

    /** Replacements within the window as of now. */
    public synchronized int replacementsInWindow() {
        Instant since = clock.instant().minus(window);
        return (int) replacements.stream().filter(at -> at.isAfter(since)).count();
    }

    /** Whether the bound was reached and the client told to shut down. */
    public boolean gaveUp() {
        return gaveUp;
    }

    /** The last error that killed a stream thread, or null. */
    public String lastError() {
        return lastError;
    }
}
