package io.orderflow.stock.topology;

import static io.orderflow.events.topics.Topics.ORDER_VALIDATIONS;
import static io.orderflow.events.topics.Topics.STOCK_COMMANDS;
import static io.orderflow.events.topics.Topics.STOCK_COMMAND_RESULTS;
import static io.orderflow.events.topics.Topics.STOCK_REQUESTS;

import io.orderflow.events.command.CommandResult;
import io.orderflow.events.order.OrderCheckCompleted;
import io.orderflow.events.serde.StateSerde;
import io.orderflow.events.topics.Topics;
import io.orderflow.service.streams.TopicSources;
import io.orderflow.stock.domain.StockLevel;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

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
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STOCK_STORE),
                        Serdes.String(), StateSerde.of(StockLevel.class))
                // A hot product changes with every order; cached, all its changes within one commit become one
                // changelog record instead of one each.
                .withCachingEnabled());

        KStream<String, StockInput> requests = TopicSources.stream(builder, STOCK_REQUESTS)
                .mapValues(request -> (StockInput) new StockInput.Request(request), Named.as("as-request-input"));
        KStream<String, StockInput> commands = TopicSources.stream(builder, STOCK_COMMANDS)
                .mapValues(command -> (StockInput) new StockInput.Command(command), Named.as("as-command-input"));

        KStream<String, StockOutput> outputs = requests
                .merge(commands, Named.as("merge-stock-commands"))
                .process(() -> new StockProcessor(clock), Named.as("stock-ledger"), STOCK_STORE);

        outputs.flatMapValues(StockTopology::verdictOf, Named.as("verdicts"))
                .to(ORDER_VALIDATIONS.name(), ORDER_VALIDATIONS.produced());
        outputs.flatMapValues(StockTopology::replyOf, Named.as("replies"))
                .to(STOCK_COMMAND_RESULTS.name(), STOCK_COMMAND_RESULTS.produced());
    }

    private static List<OrderCheckCompleted> verdictOf(StockOutput output) {
        return output instanceof StockOutput.Verdict v ? List.of(v.verdict()) : List.of();
    }

    private static List<CommandResult> replyOf(StockOutput output) {
        return output instanceof StockOutput.Reply r ? List.of(r.result()) : List.of();
    }
}
