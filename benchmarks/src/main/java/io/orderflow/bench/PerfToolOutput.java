package io.orderflow.bench;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the summary lines of Kafka's ProducerPerformance and ConsumerPerformance. */
final class PerfToolOutput {

    /** The producer tool's final line: totals, rate and latency percentiles. */
    record ProducerSummary(long records, double recordsPerSec, double mbPerSec, double avgLatencyMs,
            double maxLatencyMs, double p50Ms, double p95Ms, double p99Ms) {
    }

    /** The consumer tool's result line; {@code fetchRecordsPerSec} excludes the group join. */
    record ConsumerSummary(long records, double mbPerSec, double recordsPerSec, double fetchRecordsPerSec) {
    }

    private static final Pattern PRODUCER = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, "
                    + "([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th");

    private PerfToolOutput() {
    }

    /** The last summary line (the tool prints interim lines without percentiles first). */
    static ProducerSummary producer(List<String> lines) {
        ProducerSummary summary = null;
        for (String line : lines) {
            Matcher m = PRODUCER.matcher(line);
            if (m.find()) {
                summary = new ProducerSummary(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)),
                        Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)),
                        Double.parseDouble(m.group(6)), Double.parseDouble(m.group(7)), Double.parseDouble(m.group(8)));
            }
        }
        if (summary == null) {
            throw new IllegalStateException("no summary line in the producer tool's output");
        }
        return summary;
    }

    /**
     * The line after the header {@code start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg,
     * nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec}.
     */
    static ConsumerSummary consumer(List<String> lines) {
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith("start.time, end.time")) {
                String[] fields = lines.get(i + 1).split(",\\s*");
                if (fields.length >= 10) {
                    return new ConsumerSummary(Long.parseLong(fields[4].trim()), Double.parseDouble(fields[3]),
                            Double.parseDouble(fields[5]), Double.parseDouble(fields[9]));
                }
            }
        }
        throw new IllegalStateException("no result line in the consumer tool's output");
    }
}
