package io.orderflow.basket.topology;

import io.orderflow.basket.domain.Basket;
import io.orderflow.basket.domain.BasketRules;
import io.orderflow.basket.domain.BasketStep;
import io.orderflow.events.basket.BasketCommand;
import io.orderflow.events.basket.CheckoutBasket;
import io.orderflow.events.command.CommandResult;
import io.orderflow.events.command.Idempotency;
import io.orderflow.service.idempotency.RememberedAnswers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Applies each command to its basket through {@link BasketRules} and writes the {@link BasketStep} out: the
 * basket to the store, the checkout (keyed by the new order id) and the answer (keyed by command id), all in
 * one exactly-once transaction, so an emptied basket always has its order request and vice versa.
 *
 * <p>A command sent with an {@code Idempotency-Key} that was used before is not applied: it gets the first
 * answer again, or {@code KEY_REUSED} when it is another request ({@link RememberedAnswers}). Every request
 * with one key reaches this task, since the route (and so the key's scope) names the customer.
 */
final class BasketProcessor implements Processor<String, BasketCommand, String, BasketOutput> {

    private static final Logger log = LoggerFactory.getLogger(BasketProcessor.class);

    private ProcessorContext<String, BasketOutput> context;
    private KeyValueStore<String, Basket> baskets;
    private RememberedAnswers answers;

    @Override
    public void init(ProcessorContext<String, BasketOutput> context) {
        this.context = context;
        this.baskets = context.getStateStore(BasketTopology.BASKETS_STORE);
        this.answers = new RememberedAnswers(context.getStateStore(RememberedAnswers.STORE));
    }

    @Override
    public void process(Record<String, BasketCommand> record) {
        String customerId = record.key();
        BasketCommand command = record.value();
        if (command instanceof CheckoutBasket checkout) {
            MDC.put("orderId", checkout.orderId());
        }
        try {
            Idempotency key = command.idempotency();
            CommandResult repeat = key == null ? null
                    : answers.answerToRepeat(key, command.commandId(), customerId, record.timestamp());
            if (repeat != null) {
                reply(record, repeat);
                return;
            }
            BasketStep step = BasketRules.apply(baskets.get(customerId), command);
            if (key != null) {
                answers.remember(key, step.reply(), record.timestamp());
            }
            if (step.next() != null) {
                baskets.put(customerId, step.next());
                log.debug("basket of {} has {} lines after {}", customerId, step.next().lines().size(),
                        command.getClass().getSimpleName());
            }
            if (step.checkout() != null) {
                log.info("basket of {} checked out as order {}", customerId, step.checkout().orderId());
                context.forward(record.withKey(step.checkout().orderId())
                        .withValue((BasketOutput) new BasketOutput.Checkout(step.checkout())));
            }
            reply(record, step.reply());
        } finally {
            MDC.remove("orderId");
        }
    }

    private void reply(Record<String, BasketCommand> record, CommandResult reply) {
        context.forward(record.withKey(reply.commandId()).withValue((BasketOutput) new BasketOutput.Reply(reply)));
    }
}
