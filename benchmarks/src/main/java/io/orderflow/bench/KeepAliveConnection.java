package io.orderflow.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * One persistent HTTP/1.1 connection to one server, on a plain blocking socket: a request is one write, its
 * answer one or two reads. It reopens the connection when the server closes it ({@code Connection: close},
 * which Tomcat sends every 100 requests) or after an error. One client thread owns it; it is not thread-safe.
 */
final class KeepAliveConnection implements AutoCloseable {

    private final InetSocketAddress address;
    private final int connectTimeoutMs;
    private final int responseTimeoutMs;
    private Socket socket;
    private OutputStream output;
    private HttpResponseReader reader;
    private boolean requestWritten;

    KeepAliveConnection(InetSocketAddress address, int connectTimeoutMs, int responseTimeoutMs) {
        this.address = address;
        this.connectTimeoutMs = connectTimeoutMs;
        this.responseTimeoutMs = responseTimeoutMs;
    }

    /** Sends {@code request} (a whole request, see {@link PostRequest}) and returns the answer's status. */
    int send(byte[] request) throws IOException {
        if (socket != null) {
            try {
                return exchange(request);
            } catch (SocketTimeoutException e) {
                close();
                throw e;
            } catch (IOException e) {
                boolean answerStarted = requestWritten && reader.receivedAny();
                close();
                if (answerStarted) {
                    throw e;
                }
                // The server closed the kept-alive connection while it was idle (its keep-alive timeout) and so
                // never read this request: sending it once more, on a new connection, cannot place it twice.
            }
        }
        open();
        try {
            return exchange(request);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private int exchange(byte[] request) throws IOException {
        requestWritten = false;
        output.write(request);
        requestWritten = true;
        HttpResponseReader.Response response = reader.read();
        if (!response.keepAlive()) {
            close();
        }
        return response.status();
    }

    private void open() throws IOException {
        Socket s = new Socket();
        try {
            // The request is one write; never hold it back waiting for an ACK.
            s.setTcpNoDelay(true);
            s.connect(address, connectTimeoutMs);
            s.setSoTimeout(responseTimeoutMs);
            output = s.getOutputStream();
            reader = new HttpResponseReader(s.getInputStream());
        } catch (IOException e) {
            s.close();
            throw e;
        }
        socket = s;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing after an error: nothing left to do with it
            }
            socket = null;
        }
    }
}
