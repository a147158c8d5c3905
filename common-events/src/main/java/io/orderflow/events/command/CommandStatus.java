package io.orderflow.events.command;

/** How a service answered a command; the HTTP layer maps it to a status code. */
public enum CommandStatus {
    /** The command changed state as asked. */
    APPLIED,
    /** The same thing was asked before; nothing changed (an idempotent repeat). */
    DUPLICATE,
    /** The command contradicts the current state (a different order under a used id, stock below reserved...). */
    CONFLICT,
    /** The command names something that does not exist. */
    NOT_FOUND,
    /** Its {@code Idempotency-Key} was used for a different request within the last 24 hours; nothing changed. */
    KEY_REUSED
}
