package io.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeepAliveConnectionTest {

    private final PostRequest post = new PostRequest("127.0.0.1", 8081, "/orders");

    @Test
    void keepsOneConnectionWhileTheServerKeepsItOpen() throws IOException {
        try (StubHttpServer server = new StubHttpServer(body -> 201, Integer.MAX_VALUE);
                KeepAliveConnection connection = connection(server.address())) {
            for (int i = 1; i <= 5; i++) {
                assertThat(connection.send(post.withBody("{\"id\":\"o-" + i + "\"}"))).isEqualTo(201);
            }

            assertThat(server.connections()).isEqualTo(1);
            assertThat(server.bodies()).containsExactly("{\"id\":\"o-1\"}", "{\"id\":\"o-2\"}", "{\"id\":\"o-3\"}",
                    "{\"id\":\"o-4\"}", "{\"id\":\"o-5\"}");
        }
    }

    @Test
    void reconnectsWhenTheServerSaysClose() throws IOException {
        try (StubHttpServer server = new StubHttpServer(body -> body.contains("bad") ? 400 : 201, 2);
                KeepAliveConnection connection = connection(server.address())) {
            assertThat(connection.send(post.withBody("{\"n\":1}"))).isEqualTo(201);
            assertThat(connection.send(post.withBody("{\"n\":\"bad\"}"))).isEqualTo(400);
            assertThat(connection.send(post.withBody("{\"n\":3}"))).isEqualTo(201);

            assertThat(server.connections()).isEqualTo(2);
            assertThat(server.bodies()).hasSize(3);
        }
    }

    @Test
    void sendsAgainOnANewConnectionWhenTheServerClosedAnIdleOneUnannounced() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
                KeepAliveConnection connection = connection(
                        new InetSocketAddress("127.0.0.1", server.getLocalPort()))) {
            Thread serverSide = new Thread(() -> {
                try (Socket first = server.accept()) {
                    answer(first);
                    // closed with no Connection: close, as after a keep-alive timeout
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                try (Socket second = server.accept()) {
                    answer(second);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            serverSide.start();

            assertThat(connection.send(post.withBody("{}"))).isEqualTo(201);
            assertThat(connection.send(post.withBody("{}"))).isEqualTo(201);
            serverSide.join();
        }
    }

    @Test
    void anUnreachableServerIsAnError() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (KeepAliveConnection connection = connection(new InetSocketAddress("127.0.0.1", closedPort))) {
            assertThatThrownBy(() -> connection.send(post.withBody("{}"))).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void aRequestIsTheHeadAndTheBodyWithItsLengthInBytes() {
        assertThat(new String(post.withBody("{\"note\":\"é\"}"), StandardCharsets.UTF_8)).isEqualTo(
                "POST /orders HTTP/1.1\r\nHost: 127.0.0.1:8081\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 13\r\n\r\n{\"note\":\"é\"}");
    }

    @Test
    void moreHeaderLinesGoBetweenTheHeadAndTheLength() {
        byte[] authorization = "Authorization: Bearer abc.def\r\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(new String(post.withBody(authorization, "{}"), StandardCharsets.UTF_8)).isEqualTo(
                "POST /orders HTTP/1.1\r\nHost: 127.0.0.1:8081\r\nContent-Type: application/json\r\n"
                        + "Authorization: Bearer abc.def\r\nContent-Length: 2\r\n\r\n{}");
    }

    /** Reads one request head and its two-byte body, answers 201. */
    private static void answer(Socket socket) throws IOException {
        var in = socket.getInputStream();
        String head = "";
        while (!head.endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("client closed");
            }
            head += (char) b;
        }
        in.readNBytes(2);
        socket.getOutputStream().write("HTTP/1.1 201 \r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static KeepAliveConnection connection(InetSocketAddress address) {
        return new KeepAliveConnection(address, 2_000, 10_000);
    }
}
