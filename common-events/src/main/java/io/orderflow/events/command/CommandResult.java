package io.orderflow.events.command;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.orderflow.events.EventType;
import java.util.Objects;

/**
 * The answer to a command, written by the Streams task that applied it, in the same transaction as the
 * state change. The instance that took the HTTP request waits for it, so a REST answer always reports
 * what the owning task really decided, even when several requests race for one key.
 * Topic {@code <service>-command-results}, keyed by command id.
 *
 * @param replayed true (never null) when this is the first answer to an earlier request with the same {@code Idempotency-Key},
 *                 given again to a repeat of it (nothing changed this time); written only when true
 */
@EventType("CommandResult")
public record CommandResult(String commandId, String entityId, CommandStatus status, String detail,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean replayed) {

    public CommandResult {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
        // A wrapper, so an answer written before the field existed (no "replayed") reads as false.
        replayed = Boolean.TRUE.equals(replayed);
    }

    public CommandResult(String commandId, String entityId, CommandStatus status, String detail) {
        this(commandId, entityId, status, detail, false);
    }

    public static CommandResult applied(String commandId, String entityId) {
        return new CommandResult(commandId, entityId, CommandStatus.APPLIED, "");
    }

    public static CommandResult of(String commandId, String entityId, CommandStatus status, String detail) {
        return new CommandResult(commandId, entityId, status, detail);
    }
}
