package io.orderflow.events.command;

import io.orderflow.events.EventType;
import java.util.Objects;

/**
 * The answer to a command, written by the Streams task that applied it, in the same transaction as the
 * state change. The instance that took the HTTP request waits for it, so a REST answer always reports
 * what the owning task really decided, even when several requests race for one key.
 * Topic {@code <service>-command-results}, keyed by command id.
 */
@EventType("CommandResult")
public record CommandResult(String commandId, String entityId, CommandStatus status, String detail) {

    public CommandResult {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
    }

    public static CommandResult applied(String commandId, String entityId) {
        return new CommandResult(commandId, entityId, CommandStatus.APPLIED, "");
    }

    public static CommandResult of(String commandId, String entityId, CommandStatus status, String detail) {
        return new CommandResult(commandId, entityId, status, detail);
    }
}
