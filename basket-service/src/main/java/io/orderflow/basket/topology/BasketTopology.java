package io.orderflow.basket.topology;

import static io.orderflow.events.topics.Topics.BASKET_CHECKOUTS;
import static io.orderflow.events.topics.Topics.BASKET_COMMANDS;
import static io.orderflow.events.topics.Topics.BASKET_COMMAND_RESULTS;

import io.orderflow.basket.domain.Basket;
import io.orderflow.service.idempotency.RememberedAnswers;
import io.orderflow.service.streams.StateStores;
import io.orderflow.service.streams.TopicSinks;
import io.orderflow.service.streams.TopicSources;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

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
        builder.addStateStore(StateStores.keyValue(BASKETS_STORE, Basket.class));
        builder.addStateStore(RememberedAnswers.storeBuilder());

        KStream<String, BasketOutput> outputs = TopicSources.stream(builder, BASKET_COMMANDS)
                .process(BasketProcessor::new, Named.as("basket-commands-processor"), BASKETS_STORE,
                        RememberedAnswers.STORE);

        TopicSinks.send(outputs, "checkouts", BASKET_CHECKOUTS,
                output -> output instanceof BasketOutput.Checkout c ? c.checkout() : null);
        TopicSinks.send(outputs, "replies", BASKET_COMMAND_RESULTS,
                output -> output instanceof BasketOutput.Reply r ? r.result() : null);
    }
}
