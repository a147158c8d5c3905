package io.orderflow.stock.topology;

import static io.orderflow.events.topics.Topics.ORDERS;
import static io.orderflow.events.topics.Topics.ORDER_VALIDATIONS;
import static io.orderflow.events.topics.Topics.STOCK_COMMANDS;
import static io.orderflow.events.topics.Topics.STOCK_COMMAND_RESULTS;

import io.orderflow.events.command.CommandResult;
import io.orderflow.events.order.OrderStateChanged;
import io.orderflow.events.serde.StateSerde;
import io.orderflow.events.topics.Topics;
import io.orderflow.stock.domain.LineRequest;
import io.orderflow.stock.domain.LineResult;
import io.orderflow.stock.domain.OrderCheck;
import io.orderflow.stock.domain.StockLevel;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Stock-service's Kafka Streams application, one pipeline in three steps:
 * <ol>
 *   <li><b>lines by product</b>: each order event becomes one request per product (reserve, release or
 *       deduct), re-keyed by product id so every change to one product is made by one task, in order;</li>
 *   <li><b>ledger</b>: those requests and the stock commands (also keyed by product id, same partition count)
 *       merged into one processor that owns {@code stock-store} and answers each reservation and command;</li>
 *   <li><b>order checks</b>: the reservation answers re-keyed by order id into a processor that owns
 *       {@code stock-order-checks-store} and publishes the order's stock verdict once every line has answered.</li>
 * </ol>
 */
public final class StockTopology {

    public static final String STOCK_STORE = "stock-store";
    public static final String ORDER_CHECKS_STORE = "stock-order-checks-store";
    /** Repartition topics, {@code stock-service-<name>-repartition} on the broker. */
    public static final String LINES_BY_PRODUCT = "lines-by-product";
    public static final String LINE_RESULTS_BY_ORDER = "line-results-by-order";

    private final Clock clock;

    public StockTopology(Clock clock) {
        this.clock = clock;
    }

    public void build(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STOCK_STORE),
                Serdes.String(), StateSerde.of(StockLevel.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ORDER_CHECKS_STORE),
                Serdes.String(), StateSerde.of(OrderCheck.class)));

        KStream<String, StockOutput> outputs = linesByProduct(builder)
                .merge(builder.stream(STOCK_COMMANDS.name(), STOCK_COMMANDS.consumed())
                        .mapValues(c -> (StockInput) new StockInput.Command(c), Named.as("as-command-input")),
                        Named.as("merge-stock-commands"))
                .process(StockProcessor::new, Named.as("stock-ledger"), STOCK_STORE);

        outputs.flatMapValues(StockTopology::replyOf, Named.as("replies"))
                .to(STOCK_COMMAND_RESULTS.name(), STOCK_COMMAND_RESULTS.produced());

        outputs.flatMapValues(StockTopology::lineResultOf, Named.as("line-results"))
                .repartition(Repartitioned.with(Serdes.String(), StateSerde.of(LineResult.class))
                        .withName(LINE_RESULTS_BY_ORDER).withNumberOfPartitions(Topics.PARTITIONS))
                .process(() -> new OrderCheckProcessor(clock), Named.as("order-checks"), ORDER_CHECKS_STORE)
                .to(ORDER_VALIDATIONS.name(), ORDER_VALIDATIONS.produced());
    }

    /**
     * All events of one order come from one partition of {@code orders}, so the requests for each product
     * reach the repartition topic in the order's own order: a release never overtakes its reservation.
     */
    private static KStream<String, StockInput> linesByProduct(StreamsBuilder builder) {
        KStream<String, OrderStateChanged> orders = builder.stream(ORDERS.name(), ORDERS.consumed());
        return orders
                .flatMap((orderId, change) -> LineRequest.allFor(change).stream()
                        .map(request -> KeyValue.pair(request.productId(), request)).toList(),
                        Named.as("line-requests"))
                .repartition(Repartitioned.with(Serdes.String(), StateSerde.of(LineRequest.class))
                        .withName(LINES_BY_PRODUCT).withNumberOfPartitions(Topics.PARTITIONS))
                .mapValues(request -> (StockInput) new StockInput.Line(request), Named.as("as-line-input"));
    }

    private static List<CommandResult> replyOf(StockOutput output) {
        return output instanceof StockOutput.Reply reply ? List.of(reply.result()) : List.of();
    }

    private static List<LineResult> lineResultOf(StockOutput output) {
        return output instanceof StockOutput.Line line ? List.of(line.result()) : List.of();
    }
}
