package io.orderflow.basket.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.basket.AddBasketItem;
import io.orderflow.events.basket.CheckoutBasket;
import io.orderflow.events.basket.RemoveBasketItem;
import io.orderflow.events.command.CommandStatus;
import io.orderflow.events.order.OrderLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;

/**
 * Any sequence of basket commands leaves the basket as a plain insertion-ordered map would, within the limits
 * (at most 100 lines, 1..10,000 units each), and each checkout makes exactly one order request.
 */
class BasketRulesPropertiesTest {

    private static final String CUSTOMER = "c-1";

    /** One step of a generated session; REDELIVER repeats the last checkout command as it was. */
    record Op(Kind kind, String productId, int quantity, BigDecimal price) {
    }

    enum Kind { ADD, REMOVE, CHECKOUT, REDELIVER }

    @Property(tries = 200)
    void basketBehavesLikeAnOrderedMapWithinTheLimits(@ForAll("sessions") List<Op> session) {
        Basket basket = null;
        Map<String, OrderLine> model = new LinkedHashMap<>();
        CheckoutBasket lastCheckout = null;
        int commandNumber = 0;
        boolean hitLineLimit = false;
        boolean hitUnitLimit = false;
        for (Op op : session) {
            String commandId = "cmd-" + commandNumber++;
            if (op.kind() == Kind.ADD) {
                BasketStep step = BasketRules.apply(basket, new AddBasketItem(commandId, CUSTOMER, op.productId(),
                        op.quantity(), op.price()));
                OrderLine had = model.get(op.productId());
                int total = op.quantity() + (had == null ? 0 : had.quantity());
                boolean fits = total <= OrderLine.MAX_QUANTITY && (had != null || model.size() < Basket.MAX_LINES);
                assertThat(step.reply().status()).isEqualTo(fits ? CommandStatus.APPLIED : CommandStatus.CONFLICT);
                hitUnitLimit |= total > OrderLine.MAX_QUANTITY;
                hitLineLimit |= had == null && model.size() >= Basket.MAX_LINES;
                if (fits) {
                    model.put(op.productId(), new OrderLine(op.productId(), total, op.price()));
                }
                basket = step.next() != null ? step.next() : basket;
            } else if (op.kind() == Kind.REMOVE) {
                BasketStep step = BasketRules.apply(basket, new RemoveBasketItem(commandId, CUSTOMER, op.productId()));
                boolean present = model.remove(op.productId()) != null;
                assertThat(step.reply().status()).isEqualTo(present ? CommandStatus.APPLIED : CommandStatus.NOT_FOUND);
                basket = step.next() != null ? step.next() : basket;
            } else if (op.kind() == Kind.CHECKOUT) {
                CheckoutBasket checkout = new CheckoutBasket(commandId, CUSTOMER, "o-" + commandId, Instant.EPOCH);
                BasketStep step = BasketRules.apply(basket, checkout);
                if (model.isEmpty()) {
                    assertThat(step.reply().status()).isEqualTo(CommandStatus.CONFLICT);
                    assertThat(step.checkout()).isNull();
                } else {
                    assertThat(step.reply().status()).isEqualTo(CommandStatus.APPLIED);
                    assertThat(step.checkout().items()).containsExactlyElementsOf(model.values());
                    model.clear();
                    lastCheckout = checkout;
                }
                basket = step.next() != null ? step.next() : basket;
            } else if (lastCheckout != null) {
                BasketStep step = BasketRules.apply(basket, lastCheckout);
                assertThat(step.reply().status()).isEqualTo(CommandStatus.APPLIED);
                assertThat(step.checkout()).as("a redelivered checkout makes no second order").isNull();
                assertThat(step.next()).isNull();
            }
            List<OrderLine> lines = basket == null ? List.of() : basket.lines();
            assertThat(lines).containsExactlyElementsOf(new ArrayList<>(model.values()));
            assertThat(lines).hasSizeLessThanOrEqualTo(Basket.MAX_LINES)
                    .allSatisfy(l -> assertThat(l.quantity()).isBetween(1, OrderLine.MAX_QUANTITY));
        }
        Statistics.label("line limit reached").collect(hitLineLimit);
        Statistics.label("unit limit reached").collect(hitUnitLimit);
        Statistics.label("line limit reached").coverage(c -> c.check(true).count(n -> n > 0));
        Statistics.label("unit limit reached").coverage(c -> c.check(true).count(n -> n > 0));
    }

    @Provide
    Arbitrary<List<Op>> sessions() {
        // Some sessions never check out, so a basket can fill up to 100 lines and beyond.
        return Arbitraries.oneOf(session(1, 2, 0, 400, 3), session(0, 1, 450, 600, 9));
    }

    private static Arbitrary<List<Op>> session(int checkoutWeight, int removeWeight, int minSize, int maxSize,
            int manyProductsWeight) {
        // Few products pile units onto one line until it overflows; many products fill the basket's lines.
        Arbitrary<String> products = Arbitraries.frequencyOf(
                Tuple.of(10 - manyProductsWeight, Arbitraries.integers().between(1, 5).map(i -> "p-" + i)),
                Tuple.of(manyProductsWeight, Arbitraries.integers().between(1, 110).withDistribution(RandomDistribution.uniform()).map(i -> "q-" + i)));
        Arbitrary<Integer> quantities = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(1, 10)),
                Tuple.of(1, Arbitraries.integers().between(1, 6_000)),
                Tuple.of(1, Arbitraries.of(OrderLine.MAX_QUANTITY, OrderLine.MAX_QUANTITY + 1)));
        Arbitrary<BigDecimal> prices = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("999.99"))
                .ofScale(2);
        Arbitrary<Kind> kinds = Arbitraries.frequency(Tuple.of(16, Kind.ADD), Tuple.of(removeWeight, Kind.REMOVE),
                Tuple.of(checkoutWeight, Kind.CHECKOUT), Tuple.of(checkoutWeight, Kind.REDELIVER));
        return Combinators.combine(kinds, products, quantities, prices).as(Op::new).list().ofMinSize(minSize).ofMaxSize(maxSize);
    }
}
