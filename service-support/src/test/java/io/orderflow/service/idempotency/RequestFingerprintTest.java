package io.orderflow.service.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

    record Line(String productId, Integer quantity, BigDecimal unitPrice) {
    }

    record Body(String id, String customerId, List<Line> items) {
    }

    private static Body body(String id, int quantity, String price) {
        return new Body(id, "c-1", List.of(new Line("p-1", quantity, new BigDecimal(price))));
    }

    @Test
    void trailingZerosOfANumberDoNotMakeAnotherRequest() {
        assertThat(RequestFingerprint.of("POST /orders", body(null, 3, "3.0")))
                .isEqualTo(RequestFingerprint.of("POST /orders", body(null, 3, "3.00")))
                .isEqualTo(RequestFingerprint.of("POST /orders", body(null, 3, "3")));
        assertThat(RequestFingerprint.canonical(body(null, 3, "3.00")))
                .isEqualTo("{\"customerId\":\"c-1\",\"items\":[{\"productId\":\"p-1\",\"quantity\":3,\"unitPrice\":3}]}");
    }

    @Property(tries = 300)
    void anyNumberWithMoreZerosIsTheSameRequest(@ForAll @Scale(2) @BigRange(min = "0", max = "999999999999999.99") BigDecimal price,
            @ForAll @IntRange(min = 1, max = 6) int moreZeros) {
        Body asSent = new Body(null, "c-1", List.of(new Line("p-1", 1, price)));
        Body padded = new Body(null, "c-1", List.of(new Line("p-1", 1, price.setScale(price.scale() + moreZeros))));

        assertThat(RequestFingerprint.of("POST /orders", padded)).isEqualTo(RequestFingerprint.of("POST /orders", asSent));
    }

    @Test
    void anyOtherValueRouteOrLineOrderIsAnotherRequest() {
        String first = RequestFingerprint.of("POST /orders", body(null, 3, "3.00"));

        assertThat(RequestFingerprint.of("POST /orders", body(null, 4, "3.00"))).isNotEqualTo(first);
        assertThat(RequestFingerprint.of("POST /orders", body(null, 3, "3.01"))).isNotEqualTo(first);
        assertThat(RequestFingerprint.of("POST /orders", body("o-1", 3, "3.00"))).isNotEqualTo(first);
        assertThat(RequestFingerprint.of("POST /baskets/c-1/items", body(null, 3, "3.00"))).isNotEqualTo(first);
        Line a = new Line("p-1", 1, BigDecimal.ONE);
        Line b = new Line("p-2", 1, BigDecimal.ONE);
        assertThat(RequestFingerprint.of("POST /orders", new Body(null, "c-1", List.of(a, b))))
                .as("lines are a list: their order is part of the order")
                .isNotEqualTo(RequestFingerprint.of("POST /orders", new Body(null, "c-1", List.of(b, a))));
    }

    @Test
    void fieldOrderAndAbsentOrNullFieldsDoNotCount() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("b", 1);
        one.put("a", "x");
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("a", "x");
        other.put("nothing", null);
        other.put("b", 1);

        assertThat(RequestFingerprint.canonical(one)).isEqualTo(RequestFingerprint.canonical(other)).isEqualTo("{\"a\":\"x\",\"b\":1}");
    }

    @Test
    void stringsAreEscapedSoNoValueCanPassForStructure() {
        assertThat(RequestFingerprint.canonical(Map.of("a", "x\",\"b\":\"y"))).isEqualTo("{\"a\":\"x\\\",\\\"b\\\":\\\"y\"}");
        assertThat(RequestFingerprint.of("POST /x", Map.of("a", "x\",\"b\":\"y")))
                .isNotEqualTo(RequestFingerprint.of("POST /x", Map.of("a", "x", "b", "y")));
    }

    @Test
    void aRequestWithoutBodyHasAFingerprintOfItsRoute() {
        assertThat(RequestFingerprint.of("POST /orders/o-1/cancel", null))
                .isEqualTo(RequestFingerprint.of("POST /orders/o-1/cancel", null))
                .isNotEqualTo(RequestFingerprint.of("POST /orders/o-2/cancel", null))
                .matches("[A-Za-z0-9_-]{43}");
    }
}
