package io.orderflow.events.topics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsAccessTest {

    @Test
    void everySharedTopicHasItsWritersAndReaders() {
        assertThat(Topics.ACCESS).extracting(TopicAccess::topic).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        assertThat(Topics.ACCESS).allSatisfy(access -> {
            assertThat(access.writers()).as(access.name()).isNotEmpty();
            assertThat(access.readers()).as(access.name()).isNotEmpty();
        });
    }

    @Test
    void aServiceUsesWhatItWritesOrReads() {
        assertThat(Topics.usedBy(Topics.FULFILLMENT_SERVICE)).containsExactlyInAnyOrder(Topics.ORDERS, Topics.SHIPMENTS);
        assertThat(Topics.usedBy(Topics.BASKET_SERVICE)).doesNotContain(Topics.ORDER_VALIDATIONS);
        assertThat(Topics.usedBy("some-test-app")).isEmpty();
    }

    @Test
    void namesTheFiveServices() {
        assertThat(Topics.applicationIds()).containsExactlyInAnyOrder(Topics.ORDERS_SERVICE, Topics.BASKET_SERVICE,
                Topics.PAYMENT_SERVICE, Topics.STOCK_SERVICE, Topics.FULFILLMENT_SERVICE);
    }
}
