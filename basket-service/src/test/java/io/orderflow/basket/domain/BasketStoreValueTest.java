package io.orderflow.basket.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.order.OrderLine;
import io.orderflow.events.serde.StateSerde;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The store value survives the changelog: what a restarted instance restores is what was stored. */
class BasketStoreValueTest {

    private final StateSerde<Basket> serde = StateSerde.of(Basket.class);

    @Test
    void basketRoundTripsWithLinesInOrderAndItsLastCheckout() {
        Basket basket = new Basket("c-1", List.of(new OrderLine("p-2", 3, new BigDecimal("1.5")),
                new OrderLine("p-1", 1, new BigDecimal("19.99"))), new LastCheckout("cmd-1", "o-1"));

        byte[] bytes = serde.serialize("baskets-store-changelog", basket);

        assertThat(serde.deserialize("baskets-store-changelog", bytes)).isEqualTo(basket);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).as("derived values are not stored").doesNotContain("total");
    }

    @Test
    void basketNeverCheckedOutRoundTrips() {
        Basket basket = Basket.empty("c-2");

        assertThat(serde.deserialize("t", serde.serialize("t", basket))).isEqualTo(basket);
    }
}
