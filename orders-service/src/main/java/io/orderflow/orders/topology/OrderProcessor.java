package io.orderflow.orders.topology;

import io.orderflow.events.command.CommandResult;
import io.orderflow.events.stock.StockRequest;
import io.orderflow.orders.domain.OrderLifecycle;
import io.orderflow.orders.domain.OrderRecord;
import io.orderflow.orders.domain.Step;
import io.orderflow.service.idempotency.RememberedAnswers;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Applies each input to its order through {@link OrderLifecycle} and writes the {@link Step} out, all in one
 * exactly-once transaction: the new record to the orders store (and, for a new order, the customer index and
 * the hourly figures beside it), the event, the command answer, and the requests to stock and payment. A command
 * repeating an {@code Idempotency-Key} is answered without being applied ({@link KeyedCommands}).
 */
final class OrderProcessor implements Processor<String, OrderInput, String, OrderOutput> {

    private static final Logger log = LoggerFactory.getLogger(OrderProcessor.class);

    private final Consumer<String> onChange;
    private final OrderMetrics metrics;
    private final Clock clock;
    private final Duration analyticsGrace;
    private ProcessorContext<String, OrderOutput> context;
    private KeyValueStore<String, OrderRecord> orders;
    private CustomerOrderIndex customers;
    private HourlyProductUnits hourly;
    private KeyedCommands keyed;
    private Cancellable rebuildPending;

    OrderProcessor(Consumer<String> onChange, OrderMetrics metrics, Clock clock, Duration analyticsGrace) {
        this.onChange = onChange;
        this.metrics = metrics;
        this.clock = clock;
        this.analyticsGrace = analyticsGrace;
    }

    @Override
    public void init(ProcessorContext<String, OrderOutput> context) {
        this.context = context;
        this.orders = context.getStateStore(OrdersTopology.ORDERS_STORE);
        this.customers = new CustomerOrderIndex(context.getStateStore(OrdersTopology.CUSTOMER_ORDERS_STORE));
        this.hourly = new HourlyProductUnits(context.getStateStore(OrdersTopology.HOURLY_PRODUCT_STORE), analyticsGrace);
        this.keyed = new KeyedCommands(new RememberedAnswers(context.getStateStore(RememberedAnswers.STORE)));
        // Store writes need a record context, which init() lacks: rebuild at the first record or punctuation.
        if (customers.needsRebuild(orders)) {
            rebuildPending = context.schedule(Duration.ofMillis(1), PunctuationType.WALL_CLOCK_TIME,
                    at -> rebuildIndexIfPending());
        }
    }

    private void rebuildIndexIfPending() {
        if (rebuildPending != null) {
            rebuildPending.cancel();
            rebuildPending = null;
            customers.rebuild(orders);
            log.info("customer index rebuilt from the orders of task {}", context.taskId());
        }
    }

    @Override
    public void process(Record<String, OrderInput> record) {
        rebuildIndexIfPending();
        String orderId = record.key();
        MDC.put("orderId", orderId);
        try {
            CommandResult repeat = keyed.answerToRepeat(record.value(), orderId, record.timestamp());
            if (repeat != null) {
                answer(record, repeat);
                return;
            }
            OrderRecord current = orders.get(orderId);
            Step step = record.value().applyTo(current, clock.instant());
            keyed.remember(record.value(), step, record.timestamp());
            if (step.next() != null) {
                orders.put(orderId, step.next());
            }
            if (current == null && step.next() != null) {
                customers.add(step.next().order());
                hourly.count(step.next().order(), context.currentStreamTimeMs());
            }
            emit(record, step);
            if (step.next() != null) {
                onChange.accept(orderId);
            }
        } finally {
            MDC.remove("orderId");
        }
    }

    private void emit(Record<String, OrderInput> record, Step step) {
        if (step.event() != null) {
            log.debug("order {} is {}", record.key(), step.event().state());
            metrics.record(step.event());
            // The event's timestamp is when the state was reached.
            long at = step.event().order().updatedAt().toEpochMilli();
            context.forward(record.withValue((OrderOutput) new OrderOutput.Event(step.event())).withTimestamp(at));
        }
        for (StockRequest request : step.stock()) {
            context.forward(record.withKey(request.productId()).withValue((OrderOutput) new OrderOutput.Stock(request)));
        }
        if (step.payment() != null) {
            context.forward(record.withKey(step.payment().customerId())
                    .withValue((OrderOutput) new OrderOutput.Payment(step.payment())));
        }
        if (step.reply() != null) {
            answer(record, step.reply());
        }
    }

    private void answer(Record<String, OrderInput> record, CommandResult reply) {
        context.forward(record.withKey(reply.commandId()).withValue((OrderOutput) new OrderOutput.Reply(reply)));
    }

}
