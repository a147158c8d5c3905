package io.orderflow.basket.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.orderflow.basket.domain.Basket;
import io.orderflow.events.basket.AddBasketItem;
import io.orderflow.events.basket.BasketCheckedOut;
import io.orderflow.events.basket.BasketCommand;
import io.orderflow.events.basket.CheckoutBasket;
import io.orderflow.events.basket.RemoveBasketItem;
import io.orderflow.events.command.CommandResult;
import io.orderflow.events.command.CommandStatus;
import io.orderflow.events.command.Idempotency;
import io.orderflow.events.order.OrderLine;
import io.orderflow.events.topics.Topics;
import io.orderflow.service.config.OrderflowProperties;
import io.orderflow.service.config.StreamsSettings;
import io.orderflow.service.idempotency.RememberedAnswer;
import io.orderflow.service.idempotency.RememberedAnswers;
import io.orderflow.testsupport.streams.TopologyHarness;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The basket topology with the production Streams settings (exactly-once, explicit naming enforced). */
class BasketTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00.120Z");

    @AutoClose
    private final TopologyHarness harness = TopologyHarness.inFreshStateDir(
            dir -> StreamsSettings.of(OrderflowProperties.defaults("unused:9092", dir), "basket-service", null),
            builder -> new BasketTopology().build(builder));
    private final TestInputTopic<String, BasketCommand> commands = harness.input(Topics.BASKET_COMMANDS);
    private final TestOutputTopic<String, BasketCheckedOut> checkouts = harness.output(Topics.BASKET_CHECKOUTS);
    private final TestOutputTopic<String, CommandResult> results = harness.output(Topics.BASKET_COMMAND_RESULTS);
    private final KeyValueStore<String, Basket> store = harness.store(BasketTopology.BASKETS_STORE);

    @Test
    void everyCommandIsAnsweredUnderItsCommandId() {
        AddBasketItem add = add("c-1", "p-1", 2, "19.99");
        RemoveBasketItem missing = new RemoveBasketItem("cmd-remove", "c-1", "p-9");
        send(add);
        send(missing);

        Map<String, CommandResult> answers = results.readKeyValuesToMap();
        assertThat(answers).containsOnlyKeys(add.commandId(), "cmd-remove");
        assertThat(answers.get(add.commandId()).status()).isEqualTo(CommandStatus.APPLIED);
        assertThat(answers.get(add.commandId()).entityId()).isEqualTo("c-1");
        assertThat(answers.get("cmd-remove").status()).isEqualTo(CommandStatus.NOT_FOUND);
        assertThat(checkouts.isEmpty()).isTrue();
    }

    @Test
    void addsOfOneProductAddUpInTheStore() {
        send(add("c-1", "p-1", 2, "19.99"));
        send(add("c-1", "p-2", 1, "5.00"));
        send(add("c-1", "p-1", 3, "18.00"));

        assertThat(store.get("c-1").lines()).containsExactly(
                new OrderLine("p-1", 5, new BigDecimal("18.00")), new OrderLine("p-2", 1, new BigDecimal("5.00")));
        assertThat(store.get("c-2")).isNull();
    }

    @Test
    void checkoutEmitsOneOrderRequestKeyedByOrderIdAndEmptiesTheBasket() {
        send(add("c-1", "p-1", 2, "19.99"));
        send(add("c-1", "p-2", 1, "5.00"));
        results.readRecordsToList();
        CheckoutBasket checkout = new CheckoutBasket("cmd-checkout", "c-1", "o-1", NOW);

        send(checkout);

        List<TestRecord<String, BasketCheckedOut>> out = checkouts.readRecordsToList();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).key()).isEqualTo("o-1");
        BasketCheckedOut event = out.get(0).value();
        assertThat(event.commandId()).isEqualTo("cmd-checkout");
        assertThat(event.customerId()).isEqualTo("c-1");
        assertThat(event.checkedOutAt()).isEqualTo(NOW);
        assertThat(event.items()).extracting(OrderLine::productId).containsExactly("p-1", "p-2");
        assertThat(results.readValue().status()).isEqualTo(CommandStatus.APPLIED);
        assertThat(store.get("c-1").lines()).isEmpty();
    }

    @Test
    void redeliveredCheckoutIsAnsweredAgainWithoutASecondOrder() {
        send(add("c-1", "p-1", 2, "19.99"));
        CheckoutBasket checkout = new CheckoutBasket("cmd-checkout", "c-1", "o-1", NOW);
        send(checkout);
        send(add("c-1", "p-3", 1, "1.00"));
        results.readRecordsToList();

        send(checkout);

        assertThat(checkouts.readRecordsToList()).hasSize(1);
        CommandResult again = results.readValue();
        assertThat(again.commandId()).isEqualTo("cmd-checkout");
        assertThat(again.status()).isEqualTo(CommandStatus.APPLIED);
        assertThat(store.get("c-1").lines()).extracting(OrderLine::productId).containsExactly("p-3");
    }

    @Test
    void emptyCheckoutIsAConflictAndEmitsNothing() {
        send(new CheckoutBasket("cmd-empty", "c-9", "o-9", NOW));

        CommandResult answer = results.readValue();
        assertThat(answer.status()).isEqualTo(CommandStatus.CONFLICT);
        assertThat(answer.detail()).isEqualTo("the basket is empty");
        assertThat(checkouts.isEmpty()).isTrue();
        assertThat(store.get("c-9")).isNull();
    }

    @Test
    void aRepeatedKeyedAddIsAnsweredAsTheFirstWithoutAddingAgain() {
        Idempotency key = key("c-1", "/items", "k-1", "f-add");
        send(new AddBasketItem("cmd-1", "c-1", "p-1", 2, new BigDecimal("19.99"), key));
        send(new AddBasketItem("cmd-2", "c-1", "p-1", 2, new BigDecimal("19.99"), key));

        assertThat(results.readValuesToList()).containsExactly(CommandResult.applied("cmd-1", "c-1"),
                new CommandResult("cmd-2", "c-1", CommandStatus.APPLIED, "", true));
        assertThat(store.get("c-1").lines()).containsExactly(new OrderLine("p-1", 2, new BigDecimal("19.99")));
    }

    @Test
    void aKeyReusedForAnotherAddIsRefusedAndChangesNothing() {
        send(new AddBasketItem("cmd-1", "c-1", "p-1", 2, BigDecimal.ONE, key("c-1", "/items", "k-1", "f-two")));

        send(new AddBasketItem("cmd-2", "c-1", "p-1", 3, BigDecimal.ONE, key("c-1", "/items", "k-1", "f-three")));

        assertThat(results.readValuesToList()).extracting(CommandResult::status)
                .containsExactly(CommandStatus.APPLIED, CommandStatus.KEY_REUSED);
        assertThat(store.get("c-1").lines()).containsExactly(new OrderLine("p-1", 2, BigDecimal.ONE));
    }

    @Test
    void aRepeatedKeyedCheckoutNamesTheFirstOrderAndMakesNoOther() {
        send(add("c-1", "p-1", 2, "19.99"));
        Idempotency key = key("c-1", "/checkout", "k-1", "f-checkout");
        send(new CheckoutBasket("cmd-1", "c-1", "o-first", NOW, key));
        send(add("c-1", "p-2", 1, "1.00"));
        results.readRecordsToList();

        send(new CheckoutBasket("cmd-2", "c-1", "o-retry", NOW.plusSeconds(5), key));

        assertThat(checkouts.readRecordsToList()).extracting(TestRecord::key).containsExactly("o-first");
        assertThat(results.readValue()).isEqualTo(new CommandResult("cmd-2", "o-first", CommandStatus.APPLIED, "", true));
        assertThat(store.get("c-1").lines()).as("added after the checkout, still there")
                .extracting(OrderLine::productId).containsExactly("p-2");
    }

    @Test
    void aRepeatOfAFirstAnswerThatRefusedIsRefusedAlike() {
        Idempotency key = key("c-1", "/checkout", "k-1", "f-checkout");
        send(new CheckoutBasket("cmd-1", "c-1", "o-1", NOW, key));
        send(add("c-1", "p-1", 1, "1.00"));

        send(new CheckoutBasket("cmd-2", "c-1", "o-2", NOW, key));

        assertThat(results.readValuesToList()).extracting(CommandResult::status, CommandResult::detail).containsExactly(
                tuple(CommandStatus.CONFLICT, "the basket is empty"), tuple(CommandStatus.APPLIED, ""),
                tuple(CommandStatus.CONFLICT, "the basket is empty"));
        assertThat(checkouts.isEmpty()).isTrue();
    }

    @Test
    void commandsWithoutAKeyLeaveTheIdempotencyStoreAlone() {
        send(add("c-1", "p-1", 2, "19.99"));
        send(new CheckoutBasket("cmd-checkout", "c-1", "o-1", NOW));

        WindowStore<String, RememberedAnswer> answers = harness.driver().getWindowStore(RememberedAnswers.STORE);
        try (var all = answers.all()) {
            assertThat(all.hasNext()).isFalse();
        }
    }

    private static Idempotency key(String customerId, String route, String key, String fingerprint) {
        return new Idempotency("anonymous POST /baskets/" + customerId + route, key, fingerprint);
    }

    private void send(BasketCommand command) {
        commands.pipeInput(command.customerId(), command);
    }

    private static AddBasketItem add(String customerId, String productId, int quantity, String price) {
        return new AddBasketItem(UUID.randomUUID().toString(), customerId, productId, quantity, new BigDecimal(price));
    }
}
