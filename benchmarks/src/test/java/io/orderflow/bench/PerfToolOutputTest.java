package io.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines as Kafka 4.1's perf tools print them. */
class PerfToolOutputTest {

    @Test
    void readsTheProducersFinalSummaryNotItsInterimLines() {
        var summary = PerfToolOutput.producer(List.of(
                "Reading payloads from: /tmp/perf-payloads.txt",
                "Number of messages read: 4",
                "120001 records sent, 24000.2 records/sec (8.63 MB/sec), 310.5 ms avg latency, 901.0 ms max latency.",
                "300000 records sent, 27815.6 records/sec (10.01 MB/sec), 146.20 ms avg latency, 562.00 ms max latency, "
                        + "132 ms 50th, 234 ms 95th, 389 ms 99th, 557 ms 99.9th."));

        assertThat(summary.records()).isEqualTo(300_000);
        assertThat(summary.recordsPerSec()).isEqualTo(27815.6);
        assertThat(summary.mbPerSec()).isEqualTo(10.01);
        assertThat(summary.p50Ms()).isEqualTo(132);
        assertThat(summary.p99Ms()).isEqualTo(389);
        assertThat(summary.maxLatencyMs()).isEqualTo(562);
    }

    @Test
    void readsTheConsumersResultLineUnderItsHeader() {
        var summary = PerfToolOutput.consumer(List.of(
                "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, "
                        + "rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec",
                "2026-11-25 16:08:55:836, 2026-11-25 16:08:58:853, 7.1858, 2.3818, 20000, 6629.1018, 2090, 927, "
                        + "7.7516, 21574.9730"));

        assertThat(summary.records()).isEqualTo(20_000);
        assertThat(summary.recordsPerSec()).isEqualTo(6629.1018);
        assertThat(summary.fetchRecordsPerSec()).isEqualTo(21574.973);
    }

    @Test
    void outputWithoutASummaryIsAnError() {
        assertThatThrownBy(() -> PerfToolOutput.producer(List.of("Exception in thread main")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PerfToolOutput.consumer(List.of("WARNING: Exiting before consuming")))
                .isInstanceOf(IllegalStateException.class);
    }
}
