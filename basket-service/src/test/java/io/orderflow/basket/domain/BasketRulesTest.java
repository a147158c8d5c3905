package io.orderflow.basket.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.basket.AddBasketItem;
import io.orderflow.events.basket.BasketCommand;
import io.orderflow.events.basket.CheckoutBasket;
import io.orderflow.events.basket.RemoveBasketItem;
import io.orderflow.events.command.CommandStatus;
import io.orderflow.events.order.OrderLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BasketRulesTest {

    private static final String CUSTOMER = "c-1";
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00.120Z");

    @Test
    void addingToANewBasketMakesALine() {
        BasketStep step = BasketRules.apply(null, add("p-1", 2, "19.99"));

        assertThat(step.reply().status()).isEqualTo(CommandStatus.APPLIED);
        assertThat(step.reply().entityId()).isEqualTo(CUSTOMER);
        assertThat(step.next().customerId()).isEqualTo(CUSTOMER);
        assertThat(step.next().lines()).containsExactly(line("p-1", 2, "19.99"));
        assertThat(step.next().total()).isEqualByComparingTo("39.98");
        assertThat(step.checkout()).isNull();
    }

    @Test
    void addingAProductAgainAddsTheQuantityTakesTheNewestPriceAndKeepsItsPlace() {
        Basket basket = run(add("p-1", 2, "19.99"), add("p-2", 1, "5.00"));

        BasketStep step = BasketRules.apply(basket, add("p-1", 3, "17.50"));

        assertThat(step.reply().status()).isEqualTo(CommandStatus.APPLIED);
        assertThat(step.next().lines()).containsExactly(line("p-1", 5, "17.50"), line("p-2", 1, "5.00"));
        assertThat(step.next().total()).isEqualByComparingTo("92.50");
    }

    @Test
    void aLineMayReachTenThousandUnitsButNotMore() {
        Basket basket = run(add("p-1", 9_999, "1.00"));

        BasketStep full = BasketRules.apply(basket, add("p-1", 1, "1.00"));
        assertThat(full.reply().status()).isEqualTo(CommandStatus.APPLIED);
        assertThat(full.next().lines().get(0).quantity()).isEqualTo(OrderLine.MAX_QUANTITY);

        BasketStep over = BasketRules.apply(full.next(), add("p-1", 1, "2.00"));
        assertThat(over.reply().status()).isEqualTo(CommandStatus.CONFLICT);
        assertThat(over.reply().detail()).contains("p-1", "10001", "10000");
        assertThat(over.next()).as("basket unchanged").isNull();
    }

    @Test
    void aSingleAddOverTheLineLimitIsRefusedToo() {
        BasketStep step = BasketRules.apply(null, add("p-1", OrderLine.MAX_QUANTITY + 1, "1.00"));

        assertThat(step.reply().status()).isEqualTo(CommandStatus.CONFLICT);
        assertThat(step.next()).isNull();
    }

    @Test
    void theHundredAndFirstLineIsRefusedButExistingLinesCanStillGrow() {
        Basket basket = null;
        for (int i = 1; i <= Basket.MAX_LINES; i++) {
            BasketStep step = BasketRules.apply(basket, add("p-" + i, 1, "1.00"));
            assertThat(step.reply().status()).isEqualTo(CommandStatus.APPLIED);
            basket = step.next();
        }

        BasketStep extra = BasketRules.apply(basket, add("p-101", 1, "1.00"));
        assertThat(extra.reply().status()).isEqualTo(CommandStatus.CONFLICT);
        assertThat(extra.reply().detail()).contains("100 lines");
        assertThat(extra.next()).isNull();

        BasketStep more = BasketRules.apply(basket, add("p-7", 4, "1.00"));
        assertThat(more.reply().status()).isEqualTo(CommandStatus.APPLIED);
        assertThat(more.next().lines()).hasSize(Basket.MAX_LINES);
        assertThat(more.next().lines().get(6)).isEqualTo(line("p-7", 5, "1.00"));
    }

    @Test
    void aNegativePriceFromAHandWrittenCommandIsAConflictNotACrash() {
        BasketStep step = BasketRules.apply(null, add("p-1", 1, "-0.01"));

        assertThat(step.reply().status()).isEqualTo(CommandStatus.CONFLICT);
        assertThat(step.next()).isNull();
    }

    @Test
    void removingAProductTakesItsLineOut() {
        Basket basket = run(add("p-1", 2, "19.99"), add("p-2", 1, "5.00"), add("p-3", 1, "1.00"));

        BasketStep step = BasketRules.apply(basket, remove("p-2"));

        assertThat(step.reply().status()).isEqualTo(CommandStatus.APPLIED);
        assertThat(step.next().lines()).extracting(OrderLine::productId).containsExactly("p-1", "p-3");
    }

    @Test
    void removingAProductNotInTheBasketIsNotFound() {
        Basket basket = run(add("p-1", 2, "19.99"));

        for (Basket b : new Basket[] {null, basket}) {
            BasketStep step = BasketRules.apply(b, remove("p-9"));
            assertThat(step.reply().status()).isEqualTo(CommandStatus.NOT_FOUND);
            assertThat(step.reply().detail()).contains("p-9", CUSTOMER);
            assertThat(step.next()).isNull();
        }
    }

    @Test
    void checkoutOfAnEmptyBasketIsAConflict() {
        Basket emptied = run(add("p-1", 1, "1.00"), remove("p-1"));

        for (Basket b : new Basket[] {null, emptied}) {
            BasketStep step = BasketRules.apply(b, checkout("cmd-1", "o-1"));
            assertThat(step.reply().status()).isEqualTo(CommandStatus.CONFLICT);
            assertThat(step.reply().detail()).isEqualTo("the basket is empty");
            assertThat(step.checkout()).isNull();
            assertThat(step.next()).isNull();
        }
    }

    @Test
    void checkoutEmitsTheLinesAsAnOrderRequestAndEmptiesTheBasket() {
        Basket basket = run(add("p-1", 2, "19.99"), add("p-2", 1, "5.00"));

        BasketStep step = BasketRules.apply(basket, checkout("cmd-1", "o-1"));

        assertThat(step.reply().status()).isEqualTo(CommandStatus.APPLIED);
        assertThat(step.reply().commandId()).isEqualTo("cmd-1");
        assertThat(step.reply().entityId()).as("an applied checkout is about its order").isEqualTo("o-1");
        assertThat(step.checkout().commandId()).isEqualTo("cmd-1");
        assertThat(step.checkout().orderId()).isEqualTo("o-1");
        assertThat(step.checkout().customerId()).isEqualTo(CUSTOMER);
        assertThat(step.checkout().items()).containsExactly(line("p-1", 2, "19.99"), line("p-2", 1, "5.00"));
        assertThat(step.checkout().checkedOutAt()).isEqualTo(NOW);
        assertThat(step.next().lines()).isEmpty();
        assertThat(step.next().total()).isEqualByComparingTo("0");
        assertThat(step.next().lastCheckout()).isEqualTo(new LastCheckout("cmd-1", "o-1"));
    }

    @Test
    void theSameCheckoutDeliveredAgainIsAppliedWithoutASecondOrder() {
        Basket basket = run(add("p-1", 2, "19.99"), checkout("cmd-1", "o-1"), add("p-2", 1, "5.00"));

        BasketStep again = BasketRules.apply(basket, checkout("cmd-1", "o-1"));

        assertThat(again.reply().status()).isEqualTo(CommandStatus.APPLIED);
        assertThat(again.reply().entityId()).isEqualTo("o-1");
        assertThat(again.checkout()).isNull();
        assertThat(again.next()).as("the lines added since stay").isNull();
    }

    @Test
    void aNewCheckoutAfterAnEarlierOneMakesANewOrder() {
        Basket basket = run(add("p-1", 2, "19.99"), checkout("cmd-1", "o-1"), add("p-2", 1, "5.00"));

        BasketStep step = BasketRules.apply(basket, checkout("cmd-2", "o-2"));

        assertThat(step.checkout().orderId()).isEqualTo("o-2");
        assertThat(step.checkout().items()).containsExactly(line("p-2", 1, "5.00"));
        assertThat(step.next().lastCheckout()).isEqualTo(new LastCheckout("cmd-2", "o-2"));
    }

    private static Basket run(BasketCommand... commands) {
        Basket basket = null;
        for (BasketCommand command : commands) {
            BasketStep step = BasketRules.apply(basket, command);
            assertThat(step.reply().status()).as(command.toString()).isEqualTo(CommandStatus.APPLIED);
            basket = step.next() != null ? step.next() : basket;
        }
        return basket;
    }

    static AddBasketItem add(String productId, int quantity, String price) {
        return new AddBasketItem(UUID.randomUUID().toString(), CUSTOMER, productId, quantity, new BigDecimal(price));
    }

    static RemoveBasketItem remove(String productId) {
        return new RemoveBasketItem(UUID.randomUUID().toString(), CUSTOMER, productId);
    }

    static CheckoutBasket checkout(String commandId, String orderId) {
        return new CheckoutBasket(commandId, CUSTOMER, orderId, NOW);
    }

    private static OrderLine line(String productId, int quantity, String price) {
        return new OrderLine(productId, quantity, new BigDecimal(price));
    }

    @Test
    void totalOfAnEmptyBasketIsZero() {
        assertThat(Basket.empty(CUSTOMER).total()).isEqualByComparingTo("0").hasToString("0.00");
    }
}
