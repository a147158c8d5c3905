package io.orderflow.service.trace;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
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
    private static final Pattern FORMAT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
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

    /** Parses a header value; empty when absent or malformed (a bad header starts a new trace, never an error). */
    public static Optional<TraceParent> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        var matcher = FORMAT.matcher(value.trim());
        if (!matcher.matches() || matcher.group(1).equals("0".repeat(32))) {
            return Optional.empty();
        }
        return Optional.of(new TraceParent(matcher.group(1), matcher.group(2), matcher.group(3)));
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
