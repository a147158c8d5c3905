package io.orderflow.stock.topology;

import io.orderflow.events.order.OrderCheckCompleted;
import io.orderflow.stock.domain.LineResult;
import io.orderflow.stock.domain.OrderCheck;
import java.time.Clock;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gathers the line answers of each order (they come from the tasks of different products) and, once every
 * line has answered, emits the order's stock verdict and forgets the order.
 */
final class OrderCheckProcessor implements Processor<String, LineResult, String, OrderCheckCompleted> {

    private static final Logger log = LoggerFactory.getLogger(OrderCheckProcessor.class);

    private final Clock clock;
    private ProcessorContext<String, OrderCheckCompleted> context;
    private KeyValueStore<String, OrderCheck> checks;

    OrderCheckProcessor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, OrderCheckCompleted> context) {
        this.context = context;
        this.checks = context.getStateStore(StockTopology.ORDER_CHECKS_STORE);
    }

    @Override
    public void process(Record<String, LineResult> record) {
        String orderId = record.key();
        LineResult line = record.value();
        MDC.put("orderId", orderId);
        try {
            OrderCheck current = checks.get(orderId);
            OrderCheck check = (current == null ? OrderCheck.begin(orderId, line.lineCount()) : current).with(line);
            if (!check.hasEveryLine()) {
                checks.put(orderId, check);
                return;
            }
            checks.delete(orderId);
            OrderCheckCompleted verdict = check.verdict(clock.instant());
            log.info("order {}: stock check {}", orderId, verdict.passed() ? "passed" : "failed " + verdict.rejections());
            context.forward(record.withValue(verdict));
        } finally {
            MDC.remove("orderId");
        }
    }
}
