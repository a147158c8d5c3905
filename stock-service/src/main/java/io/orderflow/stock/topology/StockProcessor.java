package io.orderflow.stock.topology;

import io.orderflow.events.stock.DeductStock;
import io.orderflow.events.stock.ReleaseStock;
import io.orderflow.events.stock.ReserveStock;
import io.orderflow.events.stock.SetStock;
import io.orderflow.events.stock.StockCommand;
import io.orderflow.events.stock.StockRequest;
import io.orderflow.stock.domain.StockChange;
import io.orderflow.stock.domain.StockLedger;
import io.orderflow.stock.domain.StockLevel;
import java.time.Clock;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Applies each stock request and command to its product through {@link StockLedger} and writes the
 * {@link StockChange} out: the new level to the store, the verdict and the command's answer downstream, all
 * in one exactly-once transaction. A rule that throws has changed nothing yet, so the dead-lettered input
 * leaves no trace.
 */
final class StockProcessor implements Processor<String, StockInput, String, StockOutput> {

    private static final Logger log = LoggerFactory.getLogger(StockProcessor.class);

    private final Clock clock;
    private ProcessorContext<String, StockOutput> context;
    private KeyValueStore<String, StockLevel> levels;

    StockProcessor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, StockOutput> context) {
        this.context = context;
        this.levels = context.getStateStore(StockTopology.STOCK_STORE);
    }

    @Override
    public void process(Record<String, StockInput> record) {
        // The key is the product the input names: a misfiled record never gets here (Topics, keyedBy).
        String productId = record.key();
        StockInput input = record.value();
        String orderId = input.orderId();
        if (orderId != null) {
            MDC.put("orderId", orderId);
        }
        try {
            StockLevel current = levels.get(productId);
            StockChange change = switch (input.kind()) {
                case REQUEST -> apply(current, ((StockInput.Request) input).request());
                case COMMAND -> apply(current, ((StockInput.Command) input).command());
            };
            write(record, productId, change);
        } finally {
            MDC.remove("orderId");
        }
    }

    // Each cast is to the type of its kind (StockInput.Kind, StockRequest.Kind, StockCommand.Kind).
    private StockChange apply(StockLevel current, StockRequest request) {
        return switch (request.kind()) {
            case RESERVE -> reserve(current, (ReserveStock) request);
            case RELEASE -> logged("released", request, StockLedger.release(current, (ReleaseStock) request));
            case DEDUCT -> logged("deducted", request, StockLedger.deduct(current, (DeductStock) request));
        };
    }

    private StockChange apply(StockLevel current, StockCommand command) {
        return switch (command.kind()) {
            case SET_STOCK -> setStock(current, (SetStock) command);
        };
    }

    private StockChange reserve(StockLevel current, ReserveStock reserve) {
        StockChange change = StockLedger.reserve(current, reserve, clock.instant());
        if (change.verdict().passed()) {
            return logged("reserved", reserve, change);
        }
        log.debug("order {}: not reserved: {}", reserve.orderId(), change.verdict().rejections().get(0).detail());
        return change;
    }

    private static StockChange logged(String verb, StockRequest request, StockChange change) {
        log.debug("order {}: {} {} of {}; {} on hand, {} reserved", request.orderId(), verb, request.quantity(),
                request.productId(), change.next().onHand(), change.next().reserved());
        return change;
    }

    private static StockChange setStock(StockLevel current, SetStock set) {
        StockChange change = StockLedger.setStock(current, set);
        if (change.next() != null) {
            log.info("{}: stock set: {} on hand, {} reserved", set.productId(), change.next().onHand(),
                    change.next().reserved());
        } else {
            // The detail names the product.
            log.info("stock not set: {}", change.reply().detail());
        }
        return change;
    }

    private void write(Record<String, StockInput> record, String productId, StockChange change) {
        if (change.next() != null) {
            levels.put(productId, change.next());
        }
        if (change.verdict() != null) {
            context.forward(record.withKey(change.verdict().orderId())
                    .withValue((StockOutput) new StockOutput.Verdict(change.verdict())));
        }
        if (change.reply() != null) {
            context.forward(record.withKey(change.reply().commandId())
                    .withValue((StockOutput) new StockOutput.Reply(change.reply())));
        }
    }
}
