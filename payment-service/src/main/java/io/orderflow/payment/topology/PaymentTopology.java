package io.orderflow.payment.topology;

import static io.orderflow.events.topics.Topics.ACCOUNT_COMMANDS;
import static io.orderflow.events.topics.Topics.ACCOUNT_COMMAND_RESULTS;
import static io.orderflow.events.topics.Topics.ORDER_VALIDATIONS;
import static io.orderflow.events.topics.Topics.PAYMENT_REQUESTS;

import io.orderflow.events.topics.Topics;
import io.orderflow.payment.domain.Account;
import io.orderflow.payment.domain.PaymentRules;
import io.orderflow.payment.domain.RecentOrder;
import io.orderflow.service.streams.StateStores;
import io.orderflow.service.streams.TopicSinks;
import io.orderflow.service.streams.TopicSources;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * Payment-service's Kafka Streams application, one sub-topology in two steps:
 * <ol>
 *   <li><b>payments</b>: the payment requests of orders-service and the account commands of the REST edge,
 *       both keyed by customer id with {@link Topics#PARTITIONS} partitions, merged into one processor that
 *       owns {@code accounts-store} and {@code recent-orders-store}; each customer's requests and balance
 *       changes meet in one task and are decided one at a time, so concurrent orders can never together hold
 *       more than the balance;</li>
 *   <li><b>out</b>: the verdicts, keyed by order id, to {@code order-validations}; the command answers, keyed
 *       by command id, to {@code account-command-results}.</li>
 * </ol>
 * Both inputs already come keyed by customer, so there is no repartition topic.
 */
public final class PaymentTopology {

    /** Per customer: balance, held, the fraud window's running sum ({@link Account}). */
    public static final String ACCOUNTS_STORE = "accounts-store";
    /** One entry per order of the last hour under {@code <customerId>/<createdAt millis>/<orderId>} -> amount. */
    public static final String RECENT_ORDERS_STORE = "recent-orders-store";

    private final PaymentRules rules;
    private final Clock clock;

    public PaymentTopology(PaymentRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    public void build(StreamsBuilder builder) {
        // Cached: the many changes of a busy customer within one commit write one changelog record.
        builder.addStateStore(StateStores.keyValue(ACCOUNTS_STORE, Account.class).withCachingEnabled());
        builder.addStateStore(StateStores.keyValue(RECENT_ORDERS_STORE, RecentOrder.class).withCachingEnabled());

        KStream<String, PaymentInput> requests = TopicSources.stream(builder, PAYMENT_REQUESTS, "as-request-input",
                PaymentInput.Request::new);
        KStream<String, PaymentInput> commands = TopicSources.stream(builder, ACCOUNT_COMMANDS, "as-command-input",
                PaymentInput.Command::new);

        KStream<String, PaymentOutput> outputs = requests
                .merge(commands, Named.as("merge-account-commands"))
                .process(() -> new PaymentProcessor(rules, clock), Named.as("payments"),
                        ACCOUNTS_STORE, RECENT_ORDERS_STORE);

        TopicSinks.send(outputs, "verdicts", ORDER_VALIDATIONS,
                output -> output instanceof PaymentOutput.Verdict v ? v.verdict() : null);
        TopicSinks.send(outputs, "replies", ACCOUNT_COMMAND_RESULTS,
                output -> output instanceof PaymentOutput.Reply r ? r.result() : null);
    }
}
