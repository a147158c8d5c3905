package io.orderflow.events.topics;

import io.orderflow.events.basket.BasketCheckedOut;
import io.orderflow.events.basket.BasketCommand;
import io.orderflow.events.command.CommandResult;
import io.orderflow.events.order.OrderCheckCompleted;
import io.orderflow.events.order.OrderCommand;
import io.orderflow.events.order.OrderStateChanged;
import io.orderflow.events.payment.AccountCommand;
import io.orderflow.events.payment.PaymentRequest;
import io.orderflow.events.serde.EventSerde;
import io.orderflow.events.shipment.ShipmentCreated;
import io.orderflow.events.stock.StockCommand;
import io.orderflow.events.stock.StockRequest;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic the services share: name, key, serdes, and who writes and reads it ({@link #ACCESS}, the one
 * machine-readable statement of that; docs/events.md describes it).
 *
 * <p>All topics have the same partition count: each service merges its inputs into one processor, which
 * Kafka Streams allows only for co-partitioned topics.
 */
public final class Topics {

    /** Partitions of every shared topic. Fixed: changing it re-maps keys, so it is a migration, not a setting. */
    public static final int PARTITIONS = 6;

    private static final Serde<String> KEY = Serdes.String();

    /** Requests to place or cancel an order (orders-service API -> orders-service topology). */
    public static final Topic<String, OrderCommand> ORDER_COMMANDS = new Topic<>(
            "order-commands", "orderId", KEY, EventSerde.of(OrderCommand.class));

    /** Every state an order reaches, with the whole order (orders-service -> fulfillment-service). */
    public static final Topic<String, OrderStateChanged> ORDERS = new Topic<>(
            "orders", "orderId", KEY, EventSerde.of(OrderStateChanged.class));

    /** Stock and payment verdicts on an order (stock-service, payment-service -> orders-service). */
    public static final Topic<String, OrderCheckCompleted> ORDER_VALIDATIONS = new Topic<>(
            "order-validations", "orderId", KEY, EventSerde.of(OrderCheckCompleted.class));

    /** Shipments made for validated orders (fulfillment-service -> orders-service). */
    public static final Topic<String, ShipmentCreated> SHIPMENTS = new Topic<>(
            "shipments", "orderId", KEY, EventSerde.of(ShipmentCreated.class));

    /** Baskets turned into order requests (basket-service -> orders-service). */
    public static final Topic<String, BasketCheckedOut> BASKET_CHECKOUTS = new Topic<>(
            "basket-checkouts", "orderId", KEY, EventSerde.of(BasketCheckedOut.class));

    /** Reservations, releases and deductions for one product of one order (orders-service -> stock-service). */
    public static final Topic<String, StockRequest> STOCK_REQUESTS = new Topic<>(
            "stock-requests", "productId", KEY, EventSerde.of(StockRequest.class))
            .keyedBy(StockRequest::productId);

    /** Holds, releases and captures of one order's total (orders-service -> payment-service). */
    public static final Topic<String, PaymentRequest> PAYMENT_REQUESTS = new Topic<>(
            "payment-requests", "customerId", KEY, EventSerde.of(PaymentRequest.class))
            .keyedBy(PaymentRequest::customerId);

    /** Stock level changes (stock-service API -> stock-service topology). */
    public static final Topic<String, StockCommand> STOCK_COMMANDS = new Topic<>(
            "stock-commands", "productId", KEY, EventSerde.of(StockCommand.class))
            .keyedBy(StockCommand::productId);

    /** Account balance changes (payment-service API -> payment-service topology). */
    public static final Topic<String, AccountCommand> ACCOUNT_COMMANDS = new Topic<>(
            "account-commands", "customerId", KEY, EventSerde.of(AccountCommand.class))
            .keyedBy(AccountCommand::customerId);

    /** Basket changes and checkouts (basket-service API -> basket-service topology). */
    public static final Topic<String, BasketCommand> BASKET_COMMANDS = new Topic<>(
            "basket-commands", "customerId", KEY, EventSerde.of(BasketCommand.class))
            .keyedBy(BasketCommand::customerId);

    public static final Topic<String, CommandResult> ORDER_COMMAND_RESULTS = commandResults("order");
    public static final Topic<String, CommandResult> STOCK_COMMAND_RESULTS = commandResults("stock");
    public static final Topic<String, CommandResult> ACCOUNT_COMMAND_RESULTS = commandResults("account");
    public static final Topic<String, CommandResult> BASKET_COMMAND_RESULTS = commandResults("basket");

    /** Every shared topic; each service makes sure they exist before its Streams app starts. */
    public static final List<Topic<?, ?>> ALL = List.of(
            ORDER_COMMANDS, ORDERS, ORDER_VALIDATIONS, SHIPMENTS, BASKET_CHECKOUTS, STOCK_REQUESTS, PAYMENT_REQUESTS,
            STOCK_COMMANDS, ACCOUNT_COMMANDS, BASKET_COMMANDS,
            ORDER_COMMAND_RESULTS, STOCK_COMMAND_RESULTS, ACCOUNT_COMMAND_RESULTS, BASKET_COMMAND_RESULTS);

    /** The application ids (= module names) of the services, as {@link #ACCESS} names them. */
    public static final String ORDERS_SERVICE = "orders-service";
    public static final String BASKET_SERVICE = "basket-service";
    public static final String PAYMENT_SERVICE = "payment-service";
    public static final String STOCK_SERVICE = "stock-service";
    public static final String FULFILLMENT_SERVICE = "fulfillment-service";

    /**
     * Who writes and who reads each topic of {@link #ALL}, by application id: each service's principal may write
     * only what it writes here and read only what it reads here (the local stack's {@code KafkaAcls}). A command
     * topic is written by its service's HTTP API (gateway) and read by its topology; its results topic the other
     * way round.
     */
    public static final List<TopicAccess> ACCESS = List.of(
            access(ORDER_COMMANDS, Set.of(ORDERS_SERVICE), Set.of(ORDERS_SERVICE)),
            access(ORDERS, Set.of(ORDERS_SERVICE), Set.of(FULFILLMENT_SERVICE)),
            access(ORDER_VALIDATIONS, Set.of(STOCK_SERVICE, PAYMENT_SERVICE), Set.of(ORDERS_SERVICE)),
            access(SHIPMENTS, Set.of(FULFILLMENT_SERVICE), Set.of(ORDERS_SERVICE)),
            access(BASKET_CHECKOUTS, Set.of(BASKET_SERVICE), Set.of(ORDERS_SERVICE)),
            access(STOCK_REQUESTS, Set.of(ORDERS_SERVICE), Set.of(STOCK_SERVICE)),
            access(PAYMENT_REQUESTS, Set.of(ORDERS_SERVICE), Set.of(PAYMENT_SERVICE)),
            access(STOCK_COMMANDS, Set.of(STOCK_SERVICE), Set.of(STOCK_SERVICE)),
            access(ACCOUNT_COMMANDS, Set.of(PAYMENT_SERVICE), Set.of(PAYMENT_SERVICE)),
            access(BASKET_COMMANDS, Set.of(BASKET_SERVICE), Set.of(BASKET_SERVICE)),
            access(ORDER_COMMAND_RESULTS, Set.of(ORDERS_SERVICE), Set.of(ORDERS_SERVICE)),
            access(STOCK_COMMAND_RESULTS, Set.of(STOCK_SERVICE), Set.of(STOCK_SERVICE)),
            access(ACCOUNT_COMMAND_RESULTS, Set.of(PAYMENT_SERVICE), Set.of(PAYMENT_SERVICE)),
            access(BASKET_COMMAND_RESULTS, Set.of(BASKET_SERVICE), Set.of(BASKET_SERVICE)));

    private Topics() {
    }

    private static TopicAccess access(Topic<?, ?> topic, Set<String> writers, Set<String> readers) {
        return new TopicAccess(topic, writers, readers);
    }

    /** The shared topics {@code applicationId} writes or reads; none for an application {@link #ACCESS} does not name. */
    public static List<Topic<?, ?>> usedBy(String applicationId) {
        return ACCESS.stream().filter(a -> a.usedBy(applicationId)).<Topic<?, ?>>map(TopicAccess::topic).toList();
    }

    /** The application ids {@link #ACCESS} names. */
    public static Set<String> applicationIds() {
        Set<String> ids = new TreeSet<>();
        ACCESS.forEach(a -> {
            ids.addAll(a.writers());
            ids.addAll(a.readers());
        });
        return Set.copyOf(ids);
    }

    /** Answers to {@code owner} commands, read by the instance that took the HTTP request. */
    private static Topic<String, CommandResult> commandResults(String owner) {
        return new Topic<>(owner + "-command-results", "commandId", KEY, EventSerde.of(CommandResult.class));
    }

    /** The per-service dead-letter topic for records that could not be read or processed. */
    public static String deadLetterTopic(String applicationId) {
        return applicationId + "-dlq";
    }
}
