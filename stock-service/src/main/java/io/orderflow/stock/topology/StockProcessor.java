package io.orderflow.stock.topology;

import io.orderflow.events.stock.SetStock;
import io.orderflow.stock.domain.LineRequest;
import io.orderflow.stock.domain.StockChange;
import io.orderflow.stock.domain.StockLedger;
import io.orderflow.stock.domain.StockLevel;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Applies each line request and stock command to its product through {@link StockLedger} and writes the
 * {@link StockChange} out: the new level to the store, the line's answer and the command's answer
 * downstream, all in one exactly-once transaction.
 */
final class StockProcessor implements Processor<String, StockInput, String, StockOutput> {

    private static final Logger log = LoggerFactory.getLogger(StockProcessor.class);

    private ProcessorContext<String, StockOutput> context;
    private KeyValueStore<String, StockLevel> levels;

    @Override
    public void init(ProcessorContext<String, StockOutput> context) {
        this.context = context;
        this.levels = context.getStateStore(StockTopology.STOCK_STORE);
    }

    @Override
    public void process(Record<String, StockInput> record) {
        String productId = record.key();
        StockInput input = record.value();
        if (input instanceof StockInput.Line line) {
            MDC.put("orderId", line.request().orderId());
            try {
                StockChange change = StockLedger.apply(levels.get(productId), line.request());
                store(productId, change);
                logLine(line.request(), change);
                if (change.line() != null) {
                    context.forward(record.withKey(line.request().orderId())
                            .withValue((StockOutput) new StockOutput.Line(change.line())));
                }
            } finally {
                MDC.remove("orderId");
            }
        } else if (input instanceof StockInput.Command command && command.command() instanceof SetStock set) {
            StockChange change = StockLedger.setStock(levels.get(productId), set);
            store(productId, change);
            if (change.next() != null) {
                log.info("{}: {} on hand, {} reserved", productId, change.next().onHand(), change.next().reserved());
            } else {
                log.info("{}: stock not set: {}", productId, change.reply().detail());
            }
            context.forward(record.withKey(change.reply().commandId())
                    .withValue((StockOutput) new StockOutput.Reply(change.reply())));
        } else {
            throw new IllegalArgumentException("unknown stock input " + input);
        }
    }

    private void store(String productId, StockChange change) {
        if (change.next() != null) {
            levels.put(productId, change.next());
        }
    }

    private static void logLine(LineRequest request, StockChange change) {
        if (change.line() != null && !change.line().ok()) {
            log.info("order {}: {}", request.orderId(), change.line().rejection().detail());
        } else if (change.next() != null) {
            log.info("order {}: {} {} of {}; {} on hand, {} available", request.orderId(),
                    verb(request.kind()), request.kind() == LineRequest.Kind.RESERVE ? request.quantity() : "all",
                    request.productId(), change.next().onHand(), change.next().available());
        }
    }

    private static String verb(LineRequest.Kind kind) {
        switch (kind) {
            case RESERVE:
                return "reserved";
            case RELEASE:
                return "released";
            default:
                return "deducted";
        }
    }
}
