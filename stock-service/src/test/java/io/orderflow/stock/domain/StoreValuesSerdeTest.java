package io.orderflow.stock.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.order.RejectionReason;
import io.orderflow.events.serde.StateSerde;
import org.junit.jupiter.api.Test;

/** Store values and repartition records survive the trip through their serde unchanged. */
class StoreValuesSerdeTest {

    private static <T> T roundTrip(Class<T> type, T value) {
        StateSerde<T> serde = StateSerde.of(type);
        return serde.deserialize("t", serde.serialize("t", value));
    }

    @Test
    void stockLevelKeepsItsReservationsAndWritesNoDerivedFields() {
        StockLevel level = StockLevel.of("p-1", 10).withReservation("o-1", 3).withReservation("o-2", 1);

        assertThat(roundTrip(StockLevel.class, level)).isEqualTo(level);
        assertThat(new String(StateSerde.of(StockLevel.class).serialize("t", level)))
                .doesNotContain("available").doesNotContain("\"reserved\"");
    }

    @Test
    void lineRequestsAndResultsRoundTrip() {
        LineRequest request = new LineRequest(LineRequest.Kind.RESERVE, "o-1", "p-1", 2, 3);
        LineResult failed = LineResult.failed(request, RejectionReason.UNKNOWN_PRODUCT, "p-1: unknown product");

        assertThat(roundTrip(LineRequest.class, request)).isEqualTo(request);
        assertThat(roundTrip(LineResult.class, failed)).isEqualTo(failed);
        assertThat(roundTrip(LineResult.class, LineResult.reserved(request))).isEqualTo(LineResult.reserved(request));
    }

    @Test
    void orderCheckKeepsTheLinesSeenSoFar() {
        LineRequest request = new LineRequest(LineRequest.Kind.RESERVE, "o-1", "p-1", 2, 3);
        OrderCheck check = OrderCheck.begin("o-1", 3).with(LineResult.reserved(request));

        OrderCheck back = roundTrip(OrderCheck.class, check);

        assertThat(back).isEqualTo(check);
        assertThat(back.hasEveryLine()).isFalse();
        assertThat(new String(StateSerde.of(OrderCheck.class).serialize("t", check))).doesNotContain("hasEveryLine");
    }
}
