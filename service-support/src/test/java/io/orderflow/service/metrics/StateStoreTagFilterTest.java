package io.orderflow.service.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class StateStoreTagFilterTest {

    private static final String BLOCK_CACHE = "kafka.stream.state.block.cache.usage";

    @Test
    void aKeyValueStoreAndAWindowStoreAreBothScrapedUnderOneStoreTag() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new StateStoreTagFilter());

        Gauge.builder(BLOCK_CACHE, () -> 1).tags(Tags.of("task.id", "0_1", "rocksdb.state.id", "orders-store"))
                .register(registry);
        Gauge.builder(BLOCK_CACHE, () -> 2).tags(Tags.of("task.id", "0_1", "rocksdb.window.state.id",
                "hourly-store")).register(registry);

        String scrape = registry.scrape();
        assertThat(scrape).contains("rocksdb_state_id=\"orders-store\"").contains("rocksdb_state_id=\"hourly-store\"");
    }

    @Test
    void withoutTheFilterPrometheusDropsTheSecondKind() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

        Gauge.builder(BLOCK_CACHE, () -> 1).tags(Tags.of("rocksdb.state.id", "orders-store")).register(registry);
        Gauge.builder(BLOCK_CACHE, () -> 2).tags(Tags.of("rocksdb.window.state.id", "hourly-store")).register(registry);

        assertThat(registry.scrape()).doesNotContain("hourly-store");
    }

    @Test
    void otherMetersAreLeftAsTheyAre() {
        Meter.Id id = new Meter.Id("kafka.stream.thread.commit.rate", Tags.of("rocksdb.window.state.id", "x"), null,
                null, Meter.Type.GAUGE);

        assertThat(new StateStoreTagFilter().map(id)).isSameAs(id);
    }
}
