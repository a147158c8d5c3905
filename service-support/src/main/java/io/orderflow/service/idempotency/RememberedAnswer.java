package io.orderflow.service.idempotency;

import io.orderflow.events.command.CommandResult;
import io.orderflow.events.command.CommandStatus;
import io.orderflow.events.command.Idempotency;
import java.util.Objects;

/**
 * What an {@code Idempotency-Key} was first used for and how it was answered: a value of the idempotency
 * store. Enough to give the first answer again (the REST edge rebuilds its body from status and entity, as
 * it did the first time); small and of one size whatever the request, so every entry costs the same.
 *
 * @param fingerprint the first request's {@link Idempotency#fingerprint()}
 * @param status      the first answer; null while the request was passed on to be answered in another partition
 * @param entityId    the first answer's entity (for a checkout: the order it made)
 * @param detail      the first answer's detail
 */
public record RememberedAnswer(String fingerprint, CommandStatus status, String entityId, String detail) {

    public RememberedAnswer {
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    static RememberedAnswer of(Idempotency request, CommandResult answer) {
        return new RememberedAnswer(request.fingerprint(), answer.status(), answer.entityId(), answer.detail());
    }

    static RememberedAnswer passedOn(Idempotency request) {
        return new RememberedAnswer(request.fingerprint(), null, null, null);
    }

    /** Whether {@code request} is the request this key was first used for. */
    public boolean isFor(Idempotency request) {
        return fingerprint.equals(request.fingerprint());
    }

    /** Whether the first request was passed on from here, to be applied (and answered) in another partition. */
    public boolean passedOn() {
        return status == null;
    }

    /** The first answer, for the repeat {@code commandId}. */
    public CommandResult replayTo(String commandId) {
        if (passedOn()) {
            throw new IllegalStateException("a request passed on is answered where it was applied");
        }
        return new CommandResult(commandId, entityId, status, detail, true);
    }
}
