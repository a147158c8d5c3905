package io.orderflow.payment.topology;

import static io.orderflow.events.topics.Topics.ACCOUNT_COMMANDS;
import static io.orderflow.events.topics.Topics.ACCOUNT_COMMAND_RESULTS;
import static io.orderflow.events.topics.Topics.ORDERS;
import static io.orderflow.events.topics.Topics.ORDER_VALIDATIONS;

import io.orderflow.events.command.CommandResult;
import io.orderflow.events.order.OrderCheckCompleted;
import io.orderflow.events.serde.StateSerde;
import io.orderflow.events.topics.Topics;
import io.orderflow.payment.domain.Account;
import io.orderflow.payment.domain.RecentOrder;
import io.orderflow.payment.domain.PaymentAction;
import io.orderflow.payment.domain.PaymentRules;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Payment-service's Kafka Streams application, one pipeline:
 * <pre>
 * orders -> payment-actions -> key-by-customer -> [orders-by-customer repartition] --+
 * account-commands -----------------------------------------------------------------+-> payments
 *
 * payments (accounts-store, recent-orders-store)
 *   +-> verdicts, keyed by order id   -> order-validations
 *   +-> replies, keyed by command id  -> account-command-results
 * </pre>
 * Both inputs are keyed by customer id with {@link Topics#PARTITIONS} partitions, so each customer's order
 * events and balance changes meet in one task and are decided one at a time: concurrent orders can never
 * together hold more than the balance.
 */
public final class PaymentTopology {

    public static final String ACCOUNTS_STORE = "accounts-store";
    /** One entry per order under {@code <customerId>/<createdAt millis>/<orderId>}: the fraud check's history. */
    public static final String RECENT_ORDERS_STORE = "recent-orders-store";
    /** The repartition topic is {@code <application id>-orders-by-customer-repartition}. */
    public static final String ORDERS_BY_CUSTOMER = "orders-by-customer";

    private final PaymentRules rules;
    private final Clock clock;

    public PaymentTopology(PaymentRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    public void build(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ACCOUNTS_STORE),
                Serdes.String(), StateSerde.of(Account.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RECENT_ORDERS_STORE),
                Serdes.String(), StateSerde.of(RecentOrder.class)));

        KStream<String, PaymentInput> orders = builder.stream(ORDERS.name(), ORDERS.consumed())
                .flatMapValues(change -> PaymentAction.of(change).stream().toList(), Named.as("payment-actions"))
                .selectKey((orderId, action) -> action.customerId(), Named.as("key-by-customer"))
                .repartition(Repartitioned.with(Serdes.String(), StateSerde.of(PaymentAction.class))
                        .withName(ORDERS_BY_CUSTOMER)
                        .withNumberOfPartitions(Topics.PARTITIONS))
                .mapValues(action -> (PaymentInput) new PaymentInput.Order(action), Named.as("as-order-input"));
        KStream<String, PaymentInput> commands = builder.stream(ACCOUNT_COMMANDS.name(), ACCOUNT_COMMANDS.consumed())
                .mapValues(command -> (PaymentInput) new PaymentInput.Command(command), Named.as("as-command-input"));

        KStream<String, PaymentOutput> outputs = orders
                .merge(commands, Named.as("merge-account-commands"))
                .process(() -> new PaymentProcessor(rules, clock), Named.as("payments"),
                        ACCOUNTS_STORE, RECENT_ORDERS_STORE);

        outputs.flatMapValues(PaymentTopology::verdictOf, Named.as("verdicts"))
                .to(ORDER_VALIDATIONS.name(), ORDER_VALIDATIONS.produced());
        outputs.flatMapValues(PaymentTopology::replyOf, Named.as("replies"))
                .to(ACCOUNT_COMMAND_RESULTS.name(), ACCOUNT_COMMAND_RESULTS.produced());
    }

    private static List<OrderCheckCompleted> verdictOf(PaymentOutput output) {
        return output instanceof PaymentOutput.Verdict v ? List.of(v.verdict()) : List.of();
    }

    private static List<CommandResult> replyOf(PaymentOutput output) {
        return output instanceof PaymentOutput.Reply r ? List.of(r.result()) : List.of();
    }
}
