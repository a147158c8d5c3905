package io.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.order.OrderLine;
import io.orderflow.events.serde.EventJson;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WorkloadTest {

    private final Workload workload = new Workload(200, 50, 42);

    @Test
    void theSameSeedPlacesTheSameOrders() {
        Workload again = new Workload(200, 50, 42);

        LongStream.rangeClosed(1, 500).forEach(n -> assertThat(again.order(n)).isEqualTo(workload.order(n)));
        assertThat(new Workload(200, 50, 43).order(1)).isNotEqualTo(workload.order(1));
    }

    @Test
    void mostOrdersMustShipAndEveryKindOfRejectionOccurs() {
        Map<Workload.Kind, Integer> kinds = new EnumMap<>(Workload.Kind.class);
        LongStream.rangeClosed(1, 20_000).forEach(n -> kinds.merge(workload.order(n).kind(), 1, Integer::sum));

        assertThat(kinds.get(Workload.Kind.NORMAL)).isBetween(18_000, 19_000);
        assertThat(kinds).containsKeys(Workload.Kind.values());
    }

    @Test
    void ordersAreValidRequestsWithDistinctProducts() {
        LongStream.rangeClosed(1, 2_000).mapToObj(workload::order).forEach(order -> {
            JsonNode json = EventJson.MAPPER.readTree(order.json());
            assertThat(json.get("id").asString()).isEqualTo(order.id());
            assertThat(json.get("items")).hasSize(order.lines().size());
            assertThat(order.lines().stream().map(OrderLine::productId).distinct()).hasSize(order.lines().size());
        });
    }

    @Test
    void onlyTheFraudSuspectExceedsTheHourlyLimitInOneOrder() {
        BigDecimal limit = new BigDecimal(Workload.FRAUD_HOURLY_LIMIT);
        LongStream.rangeClosed(1, 5_000).mapToObj(workload::order).forEach(order -> {
            if (order.kind() == Workload.Kind.FRAUD) {
                assertThat(order.total()).isGreaterThan(limit);
            } else {
                // A rich customer would need tens of thousands of such orders in an hour to reach the limit.
                assertThat(order.total()).isLessThan(new BigDecimal("1000"));
            }
        });
    }

    @Test
    void poorCustomersCanPayForAFewOrdersAndScarceProductsServeAFew() {
        assertThat(workload.balances()).containsEntry("cp-1", Workload.POOR_BALANCE);
        assertThat(workload.stock()).containsEntry("ps-1", Workload.SCARCE_STOCK);
        assertThat(workload.stock()).doesNotContainKeys(workload.unknownProducts().toArray(String[]::new));
        assertThat(workload.balances()).hasSize(200);
        assertThat(workload.stock()).hasSize(50);
    }

    @Test
    void everyCustomerAnOrderNamesHasATokenToFetch() {
        assertThat(workload.customerIds()).hasSize(205).doesNotHaveDuplicates()
                .containsAll(workload.balances().keySet()).containsAll(workload.unknownCustomers());
        LongStream.rangeClosed(1, 5_000).mapToObj(workload::order)
                .forEach(order -> assertThat(workload.customerIds()).contains(order.customerId()));
    }
}
