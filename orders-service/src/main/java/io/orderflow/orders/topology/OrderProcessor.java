package io.orderflow.orders.topology;

import io.orderflow.events.order.Order;
import io.orderflow.events.order.OrderState;
import io.orderflow.events.command.CommandResult;
import io.orderflow.events.stock.StockRequest;
import io.orderflow.orders.domain.OrderLifecycle;
import io.orderflow.orders.domain.OrderRecord;
import io.orderflow.orders.domain.Step;
import io.orderflow.service.idempotency.RememberedAnswers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.apache.kafka.streams.KeyValue;
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
 * exactly-once transaction: the new record to the orders store (and, for a new order, the customer index, the
 * hourly figures and the deadline index beside it), the event, the command answer, and the requests to stock
 * and payment.
 *
 * <p>Once a second (wall-clock) it also looks at the orders whose timeout has passed, and only at those
 * ({@link OrderDeadlines}): one still CREATED is rejected {@code TIMED_OUT} through the same path as any input,
 * one VALIDATED but not shipped is counted and logged. A command repeating an {@code Idempotency-Key} is
 * answered without being applied ({@link KeyedCommands}).
 */
final class OrderProcessor implements Processor<String, OrderInput, String, OrderOutput> {

    private static final Logger log = LoggerFactory.getLogger(OrderProcessor.class);
    static final Duration DEADLINE_CHECK_INTERVAL = Duration.ofSeconds(1);
    /** Orders looked at per check at most, so a backlog of overdue orders cannot stall the stream thread. */
    static final int MAX_DUE_PER_CHECK = 500;

    private final Consumer<String> onChange;
    private final OrderMetrics metrics;
    private final Clock clock;
    private final Duration analyticsGrace;
    private final Duration orderTimeout;
    private ProcessorContext<String, OrderOutput> context;
    private KeyValueStore<String, OrderRecord> orders;
    private CustomerOrderIndex customers;
    private HourlyProductUnits hourly;
    private OrderDeadlines deadlines;
    private Cancellable buildPending;
    private KeyedCommands keyed;

    OrderProcessor(Consumer<String> onChange, OrderMetrics metrics, Clock clock, Duration analyticsGrace,
            Duration orderTimeout) {
        this.onChange = onChange;
        this.metrics = metrics;
        this.clock = clock;
        this.analyticsGrace = analyticsGrace;
        this.orderTimeout = orderTimeout;
    }

    @Override
    public void init(ProcessorContext<String, OrderOutput> context) {
        this.context = context;
        this.orders = context.getStateStore(OrdersTopology.ORDERS_STORE);
        this.customers = new CustomerOrderIndex(context.getStateStore(OrdersTopology.CUSTOMER_ORDERS_STORE));
        this.hourly = new HourlyProductUnits(context.getStateStore(OrdersTopology.HOURLY_PRODUCT_STORE), analyticsGrace);
        this.keyed = new KeyedCommands(new RememberedAnswers(context.getStateStore(RememberedAnswers.STORE)));
        this.deadlines = new OrderDeadlines(context.getStateStore(OrdersTopology.ORDER_DEADLINES_STORE));
        // Store writes need a record context, which init() lacks: build at the first record or punctuation.
        if (customers.needsRebuild(orders) || deadlines.needsBuild()) {
            buildPending = context.schedule(Duration.ofMillis(1), PunctuationType.WALL_CLOCK_TIME,
                    at -> buildIndexesIfPending());
        }
        context.schedule(DEADLINE_CHECK_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::checkDeadlines);
    }

    private void buildIndexesIfPending() {
        if (buildPending != null) {
            buildPending.cancel();
            buildPending = null;
            if (customers.needsRebuild(orders)) {
                customers.rebuild(orders);
                log.info("customer index rebuilt from the orders of task {}", context.taskId());
            }
            if (deadlines.needsBuild()) {
                deadlines.build(orders);
                log.info("deadline index built from the open orders of task {}", context.taskId());
            }
        }
    }

    @Override
    public void process(Record<String, OrderInput> record) {
        buildIndexesIfPending();
        MDC.put("orderId", record.key());
        try {
            String orderId = record.key();
            CommandResult repeat = keyed.answerToRepeat(record.value(), orderId, record.timestamp());
            if (repeat != null) {
                answer(record, repeat);
                return;
            }
            OrderRecord current = orders.get(orderId);
            Step step = record.value().applyTo(current, clock.instant());
            keyed.remember(record.value(), step, record.timestamp());
            apply(current, step, record);
        } finally {
            MDC.remove("orderId");
        }
    }

    /**
     * Looks at the orders created at least the order timeout ago that still have an entry, and at those only:
     * a final order has none. Times are the punctuation's wall-clock time, which in a running service is the
     * system clock, as {@code clock} is (a test driver moves the one and not the other).
     */
    private void checkDeadlines(long now) {
        buildIndexesIfPending();
        Instant at = Instant.ofEpochMilli(now);
        for (KeyValue<String, String> due : deadlines.due(now - orderTimeout.toMillis(), MAX_DUE_PER_CHECK)) {
            String orderId = due.value;
            MDC.put("orderId", orderId);
            try {
                OrderRecord current = orders.get(orderId);
                OrderState state = current == null ? null : current.order().state();
                if (state == OrderState.CREATED) {
                    // Rejected like any decided order: its final event removes the entry.
                    apply(current, OrderLifecycle.timedOut(current, orderTimeout, at),
                            new Record<>(orderId, null, now));
                    continue;
                }
                if (state == OrderState.VALIDATED) {
                    metrics.unshippedOverdue();
                    log.warn("order {} is validated but not shipped {} after its creation at {}", orderId,
                            orderTimeout, current.order().createdAt());
                }
                deadlines.remove(due.key);
            } finally {
                MDC.remove("orderId");
            }
        }
    }

    /** Writes one step of the order {@code cause} is keyed by: its record, its indexes, what it emits. */
    private void apply(OrderRecord current, Step step, Record<String, OrderInput> cause) {
        String orderId = cause.key();
        if (step.next() != null) {
            orders.put(orderId, step.next());
        }
        if (current == null && step.next() != null) {
            Order created = step.next().order();
            customers.add(created);
            hourly.count(created, context.currentStreamTimeMs());
            deadlines.add(created);
        }
        if (step.event() != null && step.event().state().isFinal()) {
            // Each final state is reached once. (A validated order reported overdue lost its entry then.)
            deadlines.remove(step.event().order());
        }
        emit(cause, step);
        if (step.next() != null) {
            onChange.accept(orderId);
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
