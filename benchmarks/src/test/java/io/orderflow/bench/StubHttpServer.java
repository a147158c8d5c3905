package io.orderflow.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;

/**
 * A tiny HTTP/1.1 server for the load generator's tests: it answers every request with the status
 * {@code statusOf(body)} and a chunked body, as Tomcat does, and closes each connection after
 * {@code responsesPerConnection} answers (with {@code Connection: close} on the last, as Tomcat does after 100).
 */
final class StubHttpServer implements AutoCloseable {

    private final ServerSocket server;
    private final ToIntFunction<String> statusOf;
    private final int responsesPerConnection;
    private final Queue<String> bodies = new ConcurrentLinkedQueue<>();
    private final Queue<Request> requests = new ConcurrentLinkedQueue<>();
    private final Queue<Socket> sockets = new ConcurrentLinkedQueue<>();
    private final AtomicInteger connections = new AtomicInteger();

    StubHttpServer(ToIntFunction<String> statusOf, int responsesPerConnection) throws IOException {
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        this.statusOf = statusOf;
        this.responsesPerConnection = responsesPerConnection;
        Thread acceptor = new Thread(this::accept, "stub-http-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", server.getLocalPort());
    }

    /** Request bodies in the order they arrived. */
    List<String> bodies() {
        return List.copyOf(bodies);
    }

    /** Requests in the order they arrived, with their Authorization header (null when they had none). */
    List<Request> requests() {
        return List.copyOf(requests);
    }

    record Request(String authorization, String body) {
    }

    int connections() {
        return connections.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                sockets.add(socket);
                Thread t = new Thread(() -> serve(socket), "stub-http-" + connections.get());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            for (int n = 1; n <= responsesPerConnection; n++) {
                Request request = readRequest(in);
                if (request == null) {
                    return;
                }
                String body = request.body();
                bodies.add(body);
                requests.add(request);
                boolean last = n == responsesPerConnection;
                String answer = "{\"ok\":true}";
                out.write(("HTTP/1.1 " + statusOf.applyAsInt(body) + " \r\nContent-Type: application/json\r\n"
                        + (last ? "Connection: close\r\n" : "") + "Transfer-Encoding: chunked\r\n\r\n"
                        + Integer.toHexString(answer.length()) + "\r\n" + answer + "\r\n0\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** The next request, or null when the client closed the connection. */
    private static Request readRequest(InputStream in) throws IOException {
        int contentLength = 0;
        String authorization = null;
        for (String line = readLine(in); ; line = readLine(in)) {
            if (line == null) {
                return null;
            }
            if (line.isEmpty()) {
                break;
            }
            if (line.toLowerCase().startsWith("content-length:")) {
                contentLength = Integer.parseInt(line.substring(15).trim());
            }
            if (line.toLowerCase().startsWith("authorization:")) {
                authorization = line.substring(14).trim();
            }
        }
        return new Request(authorization, new String(in.readNBytes(contentLength), StandardCharsets.UTF_8));
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return null;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
