package io.orderflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class InstanceCountsTest {

    @Test
    void oneOfEachUnlessTold() {
        InstanceCounts counts = InstanceCounts.one();

        assertThat(OrderflowService.moduleNames()).allSatisfy(m -> assertThat(counts.of(m)).isEqualTo(1));
        assertThat(counts).hasToString("all=1");
    }

    @Test
    void allSetsEveryServiceNotNamedOnItsOwnWhateverTheOrder() {
        InstanceCounts counts = InstanceCounts.one().plus("stock-service=3, all=2");

        assertThat(counts.of("stock-service")).isEqualTo(3);
        assertThat(counts.of("orders-service")).isEqualTo(2);
        assertThat(counts.named()).containsExactly("stock-service");
        assertThat(counts).hasToString("all=2,stock-service=3");
        assertThat(counts.byModule()).containsExactly(entry("orders-service", 2), entry("basket-service", 2),
                entry("payment-service", 2), entry("stock-service", 3), entry("fulfillment-service", 2));
    }

    @Test
    void aRepeatedOptionAddsToTheEarlierOneAndLaterValuesWin() {
        InstanceCounts counts = InstanceCounts.one().plus("orders-service=2,payment-service=2")
                .plus("payment-service=4");

        assertThat(counts.of("orders-service")).isEqualTo(2);
        assertThat(counts.of("payment-service")).isEqualTo(4);
        assertThat(counts.of("basket-service")).isEqualTo(1);
    }

    @Test
    void refusesWhatItCannotRun() {
        assertThatThrownBy(() -> InstanceCounts.one().plus("stock-service")).hasMessageContaining("service=N");
        assertThatThrownBy(() -> InstanceCounts.one().plus("all=0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> InstanceCounts.one().plus("stock-service=two")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> InstanceCounts.one().plus("stock=2")).hasMessageContaining("Unknown service: stock")
                .hasMessageContaining("all");
    }
}
