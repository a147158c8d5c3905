package io.orderflow.fulfillment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.Ids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShipmentIdsTest {

    @Test
    void shortOrderIdIsPrefixed() {
        assertThat(ShipmentIds.forOrder("o-1")).isEqualTo("s-o-1");
    }

    @Test
    void orderIdOf62CharactersStillFitsPlainly() {
        String orderId = "a".repeat(62);
        assertThat(ShipmentIds.forOrder(orderId)).isEqualTo("s-" + orderId).hasSize(64);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 36, 62, 63, 64})
    void everyShipmentIdIsAValidIdAndStableForItsOrder(int length) {
        String orderId = "o".repeat(length - 1) + "9";

        String shipmentId = ShipmentIds.forOrder(orderId);

        assertThat(Ids.isValid(shipmentId)).as(shipmentId).isTrue();
        assertThat(ShipmentIds.forOrder(orderId)).isEqualTo(shipmentId);
    }

    @Test
    void longOrderIdsKeepTheirStartAndDifferByTheirHash() {
        String common = "order:" + "x".repeat(60);
        String first = ShipmentIds.forOrder(common + "-first");
        String second = ShipmentIds.forOrder(common + "-other");

        assertThat(first).hasSize(64).startsWith("s:" + common.substring(0, 40) + ":");
        assertThat(second).hasSize(64).isNotEqualTo(first);
    }

    @Test
    void hashedFormNeverLooksLikeAPlainOne() {
        assertThat(ShipmentIds.forOrder("z".repeat(63))).startsWith("s:");
        assertThat(ShipmentIds.forOrder("z".repeat(62))).startsWith("s-");
    }
}
