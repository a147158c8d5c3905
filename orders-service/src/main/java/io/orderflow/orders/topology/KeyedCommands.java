package io.orderflow.orders.topology;

import io.orderflow.events.command.CommandResult;
import io.orderflow.events.command.Idempotency;
import io.orderflow.events.order.OrderCommand;
import io.orderflow.orders.domain.Step;
import io.orderflow.service.idempotency.RememberedAnswers;

/**
 * The order processor's side of {@code Idempotency-Key}s: a keyed command whose key was used before is not
 * applied but answered (the first answer again, or {@code KEY_REUSED}); the answer to one that is applied is
 * remembered. Inputs without a key (every order of the hot path) read and write nothing here.
 */
final class KeyedCommands {

    private final RememberedAnswers answers;

    KeyedCommands(RememberedAnswers answers) {
        this.answers = answers;
    }

    /** The answer to {@code input} if it repeats (or reuses) a key; null when it is to be applied. */
    CommandResult answerToRepeat(OrderInput input, String orderId, long at) {
        Idempotency key = keyOf(input);
        return key == null ? null : answers.answerToRepeat(key, input.command().commandId(), orderId, at);
    }

    /** Keeps the answer of an applied keyed command as the key's first answer. */
    void remember(OrderInput input, Step step, long at) {
        Idempotency key = keyOf(input);
        if (key != null && step.reply() != null) {
            answers.remember(key, step.reply(), at);
        }
    }

    private static Idempotency keyOf(OrderInput input) {
        OrderCommand command = input.command();
        return command == null ? null : command.idempotency();
    }
}
