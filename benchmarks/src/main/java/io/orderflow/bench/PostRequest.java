package io.orderflow.bench;

import java.nio.charset.StandardCharsets;

/**
 * The bytes of a JSON {@code POST} to one server, head and body in one array so a request is one write: what a
 * lean load generator sends, and nothing more (no user agent, no compression, no expectation of 100-continue).
 */
final class PostRequest {

    private static final byte[] NO_HEADERS = new byte[0];
    private static final byte[] CONTENT_LENGTH = "Content-Length: ".getBytes(StandardCharsets.US_ASCII);

    private final byte[] head;

    PostRequest(String host, int port, String path) {
        this.head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nContent-Type: application/json\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    byte[] withBody(String json) {
        return withBody(NO_HEADERS, json);
    }

    /** @param headers more header lines, each ending in CRLF (e.g. a precomputed {@code Authorization}); may be empty */
    byte[] withBody(byte[] headers, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] length = (body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + headers.length + CONTENT_LENGTH.length + length.length + body.length];
        int at = copy(head, request, 0);
        at = copy(headers, request, at);
        at = copy(CONTENT_LENGTH, request, at);
        at = copy(length, request, at);
        copy(body, request, at);
        return request;
    }

    private static int copy(byte[] part, byte[] into, int at) {
        System.arraycopy(part, 0, into, at, part.length);
        return at + part.length;
    }
}
