package io.orderflow.service.trace;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * A W3C {@code traceparent} ({@code 00-<trace id>-<parent id>-<flags>}): the one value that follows an order
 * from the HTTP request that started it through every topic and service. It travels as an HTTP header and
 * as a Kafka record header; Kafka Streams copies input headers to the records it derives from them, so each
 * hop carries it on without code of its own. Logs show its trace id (MDC key {@code traceId}).
 */
public record TraceParent(String traceId, String parentId, String flags) {

    public static final String HEADER = "traceparent";
    public static final String MDC_TRACE_ID = "traceId";
    // "00-" <32 lower-case hex: trace id> "-" <16: parent id> "-" <2: flags>, by offset (end exclusive, at a '-')
    private static final int TRACE_ID = 3;
    private static final int TRACE_ID_END = 35;
    private static final int PARENT_ID = 36;
    private static final int PARENT_ID_END = 52;
    private static final int FLAGS = 53;
    private static final int LENGTH = 55;
    private static final String INVALID_TRACE_ID = "0".repeat(32);
    private static final HexFormat HEX = HexFormat.of();

    /** A new trace, for a request that brought none. */
    public static TraceParent newTrace() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] trace = new byte[16];
        byte[] parent = new byte[8];
        random.nextBytes(trace);
        random.nextBytes(parent);
        return new TraceParent(HEX.formatHex(trace), HEX.formatHex(parent), "01");
    }

    /**
     * Parses a header value; empty when absent or malformed (a bad header starts a new trace, never an error).
     * Runs for every record at every processor, so it checks the characters itself rather than by regex.
     */
    public static Optional<TraceParent> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.trim();
        if (text.length() != LENGTH || !text.startsWith("00-")
                || text.charAt(TRACE_ID_END) != '-' || text.charAt(PARENT_ID_END) != '-'
                || !isLowerHex(text, TRACE_ID, TRACE_ID_END) || !isLowerHex(text, PARENT_ID, PARENT_ID_END)
                || !isLowerHex(text, FLAGS, LENGTH)) {
            return Optional.empty();
        }
        String traceId = text.substring(TRACE_ID, TRACE_ID_END);
        if (traceId.equals(INVALID_TRACE_ID)) {
            return Optional.empty();
        }
        return Optional.of(new TraceParent(traceId, text.substring(PARENT_ID, PARENT_ID_END), text.substring(FLAGS)));
    }

    private static boolean isLowerHex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    public static Optional<TraceParent> from(Headers headers) {
        Header header = headers == null ? null : headers.lastHeader(HEADER);
        return header == null ? Optional.empty() : parse(new String(header.value(), StandardCharsets.UTF_8));
    }

    public void writeTo(Headers headers) {
        headers.remove(HEADER);
        headers.add(HEADER, toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "00-" + traceId + "-" + parentId + "-" + flags;
    }
}
