package io.orderflow.bench;

import java.nio.charset.StandardCharsets;

/**
 * The bytes of a JSON {@code POST} to one server, head and body in one array so a request is one write: what a
 * lean load generator sends, and nothing more (no user agent, no compression, no expectation of 100-continue).
 */
final class PostRequest {

    private final byte[] head;

    PostRequest(String host, int port, String path) {
        this.head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nContent-Type: application/json\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
    }

    byte[] withBody(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] length = (body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + length.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(length, 0, request, head.length, length.length);
        System.arraycopy(body, 0, request, head.length + length.length, body.length);
        return request;
    }
}
