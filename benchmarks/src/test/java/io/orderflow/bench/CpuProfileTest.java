package io.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuProfileTest {

    @Test
    void jdkFramesAreChargedToTheLibraryThatCalledThem() {
        List<String> stack = List.of("java.util.HashMap", "java.lang.String",
                "tools.jackson.databind.deser.BeanDeserializer", "io.orderflow.events.serde.EventSerde",
                "org.apache.kafka.streams.processor.internals.StreamThread");

        assertThat(CpuProfile.chargedFrame(stack)).isEqualTo(2);
        assertThat(CpuProfile.area(stack)).isEqualTo("json (jackson)");
    }

    @Test
    void eachLibraryHasItsArea() {
        assertThat(CpuProfile.area(List.of("org.apache.kafka.streams.state.internals.RocksDBStore"))).isEqualTo("kafka streams");
        assertThat(CpuProfile.area(List.of("org.apache.kafka.clients.producer.KafkaProducer"))).isEqualTo("kafka clients");
        assertThat(CpuProfile.area(List.of("ch.qos.logback.classic.Logger"))).isEqualTo("logging");
        assertThat(CpuProfile.area(List.of("org.apache.coyote.http11.Http11Processor"))).isEqualTo("http server (tomcat)");
        assertThat(CpuProfile.area(List.of("io.orderflow.stock.domain.StockLedger"))).isEqualTo("orderflow code");
    }

    @Test
    void aStackOfOnlyJdkCodeIsJdk() {
        assertThat(CpuProfile.area(List.of("java.lang.Thread", "jdk.internal.misc.Unsafe"))).isEqualTo("jdk");
        assertThat(CpuProfile.chargedFrame(List.of("java.lang.Thread"))).isZero();
    }
}
