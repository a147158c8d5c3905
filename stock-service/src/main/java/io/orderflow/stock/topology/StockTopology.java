package io.orderflow.stock.topology;

import static io.orderflow.events.topics.Topics.ORDER_VALIDATIONS;
import static io.orderflow.events.topics.Topics.STOCK_COMMANDS;
import static io.orderflow.events.topics.Topics.STOCK_COMMAND_RESULTS;
import static io.orderflow.events.topics.Topics.STOCK_REQUESTS;

import io.orderflow.events.topics.Topics;
import io.orderflow.service.streams.StateStores;
import io.orderflow.service.streams.TopicSinks;
import io.orderflow.service.streams.TopicSources;
import io.orderflow.stock.domain.StockLevel;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * Stock-service's Kafka Streams application, one pipeline in one sub-topology:
 * <pre>
 * stock-requests -> as-request-input --+
 * stock-commands -> as-command-input --+-> merge-stock-commands -> stock-ledger (stock-store)
 *                                                                    +-> verdicts, keyed by order id  -> order-validations
 *                                                                    +-> replies, keyed by command id -> stock-command-results
 * </pre>
 * Both inputs are keyed by product id with {@link Topics#PARTITIONS} partitions, so every reservation, release,
 * deduction and stock change of one product meets in one task and is decided one at a time: two orders can
 * never both take the last unit. No re-keying, so no repartition topic: orders-service already writes each
 * request under its product and gathers the verdicts of an order's products itself.
 */
public final class StockTopology {

    public static final String STOCK_STORE = "stock-store";

    private final Clock clock;

    public StockTopology(Clock clock) {
        this.clock = clock;
    }

    public void build(StreamsBuilder builder) {
        builder.addStateStore(StateStores.keyValue(STOCK_STORE, StockLevel.class)
                // A hot product changes with every order; cached, all its changes within one commit become one
                // changelog record instead of one each.
                .withCachingEnabled());

        KStream<String, StockInput> requests = TopicSources.stream(builder, STOCK_REQUESTS, "as-request-input",
                StockInput.Request::new);
        KStream<String, StockInput> commands = TopicSources.stream(builder, STOCK_COMMANDS, "as-command-input",
                StockInput.Command::new);

        KStream<String, StockOutput> outputs = requests
                .merge(commands, Named.as("merge-stock-commands"))
                .process(() -> new StockProcessor(clock), Named.as("stock-ledger"), STOCK_STORE);

        TopicSinks.send(outputs, "verdicts", ORDER_VALIDATIONS,
                output -> output instanceof StockOutput.Verdict v ? v.verdict() : null);
        TopicSinks.send(outputs, "replies", STOCK_COMMAND_RESULTS,
                output -> output instanceof StockOutput.Reply r ? r.result() : null);
    }
}
