package io.orderflow.service.idempotency;

import io.orderflow.events.command.CommandResult;
import io.orderflow.events.command.CommandStatus;
import io.orderflow.events.command.Idempotency;
import io.orderflow.events.serde.StateSerde;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The first answer to each {@code Idempotency-Key}, kept for {@link #REMEMBERED_FOR} by the Streams task that
 * applies the key's commands: the task serialises every request with one key (they all reach its partition),
 * so two retries racing on two instances are told apart here, in order, and the second gets the first's
 * answer. Only commands that carry a key read or write the store.
 *
 * <p>A window store, not a key-value store with a time index: an entry is one put, stored under the time of
 * the request that made it; a lookup reads that key's last 24 hours only; and expiry costs nothing per entry,
 * because Kafka Streams drops whole segments (here of 12 hours) once they are older than the retention, as it
 * trims the changelog by time. A key-value store would need a second index and a punctuation deleting entries
 * one by one, writing a tombstone each. Time is the record's timestamp (when the REST edge sent the command),
 * so a restore or a replay decides exactly as the first run did.
 */
public final class RememberedAnswers {

    public static final String STORE = "idempotency-store";
    public static final Duration REMEMBERED_FOR = Duration.ofHours(24);

    private final WindowStore<String, RememberedAnswer> store;

    public RememberedAnswers(WindowStore<String, RememberedAnswer> store) {
        this.store = store;
    }

    /** The store to add to a topology, and to name in the processors that take keyed commands. */
    public static StoreBuilder<WindowStore<String, RememberedAnswer>> storeBuilder() {
        // Window size = retention: each entry is a window of 24 hours from its first request.
        return Stores.windowStoreBuilder(
                Stores.persistentWindowStore(STORE, REMEMBERED_FOR, REMEMBERED_FOR, false),
                Serdes.String(), StateSerde.of(RememberedAnswer.class));
    }

    /** What the key of {@code request} was used for within the 24 hours before {@code at}, or null. */
    public RememberedAnswer find(Idempotency request, long at) {
        // Up to the end of time: a retry sent from an instance whose clock is behind still finds the first.
        // Never below 0: window keys hold times as bytes, where a negative time sorts after every other.
        long from = Math.max(0, at - REMEMBERED_FOR.toMillis() + 1);
        try (WindowStoreIterator<RememberedAnswer> newestFirst = store.backwardFetch(request.scopedKey(), from,
                Long.MAX_VALUE)) {
            return newestFirst.hasNext() ? newestFirst.next().value : null;
        }
    }

    /**
     * The answer to a request whose key was used before: the first answer again when it is the same request,
     * {@code KEY_REUSED} when it is another. Null when the key is new here, or was only passed on from here:
     * then the request is to be applied, and its answer {@link #remember remembered}.
     */
    public CommandResult answerToRepeat(Idempotency request, String commandId, String entityId, long at) {
        RememberedAnswer seen = find(request, at);
        if (seen == null) {
            return null;
        }
        if (!seen.isFor(request)) {
            return reused(request, commandId, entityId);
        }
        return seen.passedOn() ? null : seen.replayTo(commandId);
    }

    /** Keeps {@code answer} as the first answer to the key of {@code request}, sent at {@code at}. */
    public void remember(Idempotency request, CommandResult answer, long at) {
        store.put(request.scopedKey(), RememberedAnswer.of(request, answer), at);
    }

    /** Keeps the fingerprint of {@code request}, passed on from here to be applied and answered elsewhere. */
    public void rememberPassedOn(Idempotency request, long at) {
        store.put(request.scopedKey(), RememberedAnswer.passedOn(request), at);
    }

    /** The answer to a request under a key first used for a different one: nothing is changed. */
    public static CommandResult reused(Idempotency request, String commandId, String entityId) {
        return CommandResult.of(commandId, entityId, CommandStatus.KEY_REUSED, "Idempotency-Key reused with a "
                + "different request: '" + request.key() + "' was used for another request in the last 24 hours");
    }
}
