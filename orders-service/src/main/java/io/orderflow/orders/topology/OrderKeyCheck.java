package io.orderflow.orders.topology;

import io.orderflow.events.command.CommandResult;
import io.orderflow.events.command.Idempotency;
import io.orderflow.events.order.OrderCommand;
import io.orderflow.events.order.PlaceOrder;
import io.orderflow.events.order.PlaceOrderViaKey;
import io.orderflow.service.idempotency.RememberedAnswer;
import io.orderflow.service.idempotency.RememberedAnswers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The first stop of a keyed {@code POST /orders} that names its own order id ({@link PlaceOrderViaKey}, keyed by
 * its key's derived id). Every request with one key passes this partition, whatever order it names (one without
 * an id names the derived id itself and is applied here directly), so this is where a key reused for a different
 * request is refused. The first request, and any repeat of it, goes on as its {@link PlaceOrder} to the order's
 * partition, which applies it or gives its first answer again: only there is the answer known.
 *
 * <p>Passing on is a write to {@code order-commands} in this task's transaction: the one case in which orders-service
 * reads its own output, and it costs keyed requests with an id one more hop, nothing else.
 */
final class OrderKeyCheck implements Processor<String, OrderCommand, String, OrderOutput> {

    private ProcessorContext<String, OrderOutput> context;
    private RememberedAnswers answers;

    @Override
    public void init(ProcessorContext<String, OrderOutput> context) {
        this.context = context;
        this.answers = new RememberedAnswers(context.getStateStore(RememberedAnswers.STORE));
    }

    @Override
    public void process(Record<String, OrderCommand> record) {
        PlaceOrder command = ((PlaceOrderViaKey) record.value()).command();
        Idempotency key = command.idempotency();
        RememberedAnswer seen = answers.find(key, record.timestamp());
        if (seen != null && !seen.isFor(key)) {
            answer(record, RememberedAnswers.reused(key, command.commandId(), command.orderId()));
        } else if (seen != null && !seen.passedOn()) {
            // The order lives in this partition too, and its first answer is already known.
            answer(record, seen.replayTo(command.commandId()));
        } else {
            if (seen == null) {
                answers.rememberPassedOn(key, record.timestamp());
            }
            context.forward(record.withKey(command.orderId()).withValue((OrderOutput) new OrderOutput.Command(command)));
        }
    }

    private void answer(Record<String, OrderCommand> record, CommandResult result) {
        context.forward(record.withKey(result.commandId()).withValue((OrderOutput) new OrderOutput.Reply(result)));
    }
}
