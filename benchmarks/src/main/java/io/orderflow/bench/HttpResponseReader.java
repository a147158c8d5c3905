package io.orderflow.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads HTTP/1.1 responses one after the other from one kept-alive connection: the status, whether the
 * server keeps the connection open, and the body, which it skips (by {@code Content-Length}, chunked, or up to
 * the end of the stream). It keeps no header values and allocates nothing per response: it is the load
 * generator's hot path.
 */
final class HttpResponseReader {

    /** @param keepAlive false when the server closes the connection after this response */
    record Response(int status, boolean keepAlive) {
    }

    private static final int MAX_LINE = 8192;
    private static final byte[] CONTENT_LENGTH = ascii("content-length");
    private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");
    private static final byte[] CONNECTION = ascii("connection");
    private static final byte[] CHUNKED = ascii("chunked");
    private static final byte[] CLOSE = ascii("close");
    private static final byte[] KEEP_ALIVE = ascii("keep-alive");
    private static final Response[] KEPT = new Response[600];
    private static final Response[] CLOSED = new Response[600];

    static {
        for (int status = 100; status < 600; status++) {
            KEPT[status] = new Response(status, true);
            CLOSED[status] = new Response(status, false);
        }
    }

    private final InputStream in;
    private final byte[] buffer;
    private final byte[] line = new byte[MAX_LINE];
    private int position;
    private int limit;
    private boolean receivedAny;

    HttpResponseReader(InputStream in) {
        this(in, 8192);
    }

    /** @param bufferSize bytes read from the stream at once (small values only in tests) */
    HttpResponseReader(InputStream in, int bufferSize) {
        this.in = in;
        this.buffer = new byte[bufferSize];
    }

    /**
     * True when the last {@link #read()} got at least one byte: a failure before the first byte on a reused
     * connection means the server closed it before it read the request.
     */
    boolean receivedAny() {
        return receivedAny;
    }

    /** The next response, its body consumed; interim (1xx) responses are skipped. */
    Response read() throws IOException {
        receivedAny = false;
        while (true) {
            int length = readLine();
            if (length < 12 || !startsWith(line, "HTTP/1.") || line[8] != ' ' || !isDigit(line[9])
                    || !isDigit(line[10]) || !isDigit(line[11]) || (length > 12 && line[12] != ' ')) {
                throw new IOException("not an HTTP/1.x status line: " + text(length));
            }
            boolean http11 = line[7] == '1';
            int status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
            if (status < 100) {
                throw new IOException("bad status " + status);
            }
            long contentLength = -1;
            boolean chunked = false;
            boolean close = false;
            boolean keepAlive = false;
            for (int n = readLine(); n > 0; n = readLine()) {
                int colon = indexOf(line, n, (byte) ':');
                if (colon < 0) {
                    throw new IOException("not a header line: " + text(n));
                }
                int valueStart = skipSpaces(colon + 1, n);
                int valueEnd = trimSpaces(valueStart, n);
                if (nameIs(CONTENT_LENGTH, colon)) {
                    contentLength = digits(valueStart, valueEnd);
                } else if (nameIs(TRANSFER_ENCODING, colon)) {
                    chunked = hasToken(CHUNKED, valueStart, valueEnd);
                } else if (nameIs(CONNECTION, colon)) {
                    close |= hasToken(CLOSE, valueStart, valueEnd);
                    keepAlive |= hasToken(KEEP_ALIVE, valueStart, valueEnd);
                }
            }
            if (status < 200) {
                continue;
            }
            boolean reusable = http11 ? !close : keepAlive && !close;
            if (status == 204 || status == 304) {
                return response(status, reusable);
            }
            if (chunked) {
                skipChunks();
            } else if (contentLength >= 0) {
                skip(contentLength);
            } else {
                // Neither length nor chunks: the body ends where the server closes the connection.
                skipToEnd();
                reusable = false;
            }
            return response(status, reusable);
        }
    }

    private static Response response(int status, boolean keepAlive) {
        return keepAlive ? KEPT[status] : CLOSED[status];
    }

    private void skipChunks() throws IOException {
        while (true) {
            int n = readLine();
            int end = indexOf(line, n, (byte) ';');
            long size = hex(0, trimSpaces(0, end < 0 ? n : end));
            if (size == 0) {
                // Trailers, if any, up to the empty line.
                while (readLine() > 0) {
                    // nothing to keep
                }
                return;
            }
            skip(size);
            if (readLine() != 0) {
                throw new IOException("chunk of " + size + " bytes not followed by CRLF");
            }
        }
    }

    /** One line without its CRLF (or bare LF) into {@link #line}; returns its length. */
    private int readLine() throws IOException {
        int length = 0;
        while (true) {
            if (position == limit) {
                fill();
            }
            byte b = buffer[position++];
            if (b == '\n') {
                return length > 0 && line[length - 1] == '\r' ? length - 1 : length;
            }
            if (length == MAX_LINE) {
                throw new IOException("response line longer than " + MAX_LINE + " bytes");
            }
            line[length++] = b;
        }
    }

    private void skip(long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            if (position == limit) {
                fill();
            }
            int step = (int) Math.min(left, limit - position);
            position += step;
            left -= step;
        }
    }

    private void skipToEnd() throws IOException {
        position = limit;
        while (in.read(buffer, 0, buffer.length) >= 0) {
            // discard
        }
    }

    private void fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
            throw new EOFException(receivedAny ? "connection closed in the middle of a response"
                    : "connection closed before the response");
        }
        receivedAny = true;
        position = 0;
        limit = n;
    }

    private boolean nameIs(byte[] lowerCaseName, int nameEnd) {
        int end = trimSpaces(0, nameEnd);
        if (end != lowerCaseName.length) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            if (lower(line[i]) != lowerCaseName[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether a comma-separated header value lists {@code lowerCaseToken} (any case). */
    private boolean hasToken(byte[] lowerCaseToken, int start, int end) {
        int tokenStart = start;
        for (int i = start; i <= end; i++) {
            if (i == end || line[i] == ',') {
                int s = skipSpaces(tokenStart, i);
                int e = trimSpaces(s, i);
                if (e - s == lowerCaseToken.length && equalsIgnoreCase(s, lowerCaseToken)) {
                    return true;
                }
                tokenStart = i + 1;
            }
        }
        return false;
    }

    private boolean equalsIgnoreCase(int start, byte[] lowerCase) {
        for (int i = 0; i < lowerCase.length; i++) {
            if (lower(line[start + i]) != lowerCase[i]) {
                return false;
            }
        }
        return true;
    }

    private long digits(int start, int end) throws IOException {
        if (start == end || end - start > 18) {
            throw new IOException("bad Content-Length: " + text(start, end));
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            if (!isDigit(line[i])) {
                throw new IOException("bad Content-Length: " + text(start, end));
            }
            value = value * 10 + (line[i] - '0');
        }
        return value;
    }

    private long hex(int start, int end) throws IOException {
        if (start == end || end - start > 15) {
            throw new IOException("bad chunk size: " + text(start, end));
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            int digit = Character.digit(line[i], 16);
            if (digit < 0) {
                throw new IOException("bad chunk size: " + text(start, end));
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private int skipSpaces(int from, int end) {
        int i = from;
        while (i < end && (line[i] == ' ' || line[i] == '\t')) {
            i++;
        }
        return i;
    }

    private int trimSpaces(int start, int end) {
        int i = end;
        while (i > start && (line[i - 1] == ' ' || line[i - 1] == '\t')) {
            i--;
        }
        return i;
    }

    private static int indexOf(byte[] bytes, int length, byte b) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (bytes[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
    }

    private String text(int length) {
        return text(0, length);
    }

    private String text(int start, int end) {
        return new String(line, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
