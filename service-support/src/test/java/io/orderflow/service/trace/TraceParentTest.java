package io.orderflow.service.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class TraceParentTest {

    @Test
    void aNewTraceIsWellFormedAndRoundTripsThroughKafkaHeaders() {
        TraceParent trace = TraceParent.newTrace();
        RecordHeaders headers = new RecordHeaders();

        trace.writeTo(headers);

        assertThat(trace.toString()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(TraceParent.from(headers)).contains(trace);
    }

    @Test
    void malformedOrAllZeroHeadersStartNoTrace() {
        assertThat(TraceParent.parse(null)).isEmpty();
        assertThat(TraceParent.parse("garbage")).isEmpty();
        assertThat(TraceParent.parse("00-" + "0".repeat(32) + "-0000000000000001-01")).isEmpty();
        assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .hasValueSatisfying(t -> assertThat(t.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736"));
    }
}
