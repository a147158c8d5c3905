package io.orderflow.basket.topology;

import static io.orderflow.events.topics.Topics.BASKET_CHECKOUTS;
import static io.orderflow.events.topics.Topics.BASKET_COMMANDS;
import static io.orderflow.events.topics.Topics.BASKET_COMMAND_RESULTS;

import io.orderflow.basket.domain.Basket;
import io.orderflow.events.basket.BasketCheckedOut;
import io.orderflow.events.command.CommandResult;
import io.orderflow.events.serde.StateSerde;
import io.orderflow.service.idempotency.RememberedAnswers;
import io.orderflow.service.streams.TopicSources;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * Basket-service's Kafka Streams application, one pipeline:
 * <pre>
 * basket-commands --(customer id)--> basket-commands-processor [baskets-store, idempotency-store]
 *                                        |-- checkouts (order id) --> basket-checkouts
 *                                        '-- replies (command id) --> basket-command-results
 * </pre>
 * All commands of a customer land in one partition and one processor, so racing requests on one basket are
 * applied one at a time, in the order Kafka took them.
 */
public final class BasketTopology {

    public static final String BASKETS_STORE = "baskets-store";

    public void build(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BASKETS_STORE),
                Serdes.String(), StateSerde.of(Basket.class)));
        builder.addStateStore(RememberedAnswers.storeBuilder());

        KStream<String, BasketOutput> outputs = TopicSources.stream(builder, BASKET_COMMANDS)
                .process(BasketProcessor::new, Named.as("basket-commands-processor"), BASKETS_STORE,
                        RememberedAnswers.STORE);

        outputs.flatMapValues(BasketTopology::checkoutOf, Named.as("checkouts"))
                .to(BASKET_CHECKOUTS.name(), BASKET_CHECKOUTS.produced());
        outputs.flatMapValues(BasketTopology::replyOf, Named.as("replies"))
                .to(BASKET_COMMAND_RESULTS.name(), BASKET_COMMAND_RESULTS.produced());
    }

    private static List<BasketCheckedOut> checkoutOf(BasketOutput output) {
        return output instanceof BasketOutput.Checkout c ? List.of(c.checkout()) : List.of();
    }

    private static List<CommandResult> replyOf(BasketOutput output) {
        return output instanceof BasketOutput.Reply r ? List.of(r.result()) : List.of();
    }
}
