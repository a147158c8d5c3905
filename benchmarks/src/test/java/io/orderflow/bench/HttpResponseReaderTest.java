package io.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpResponseReaderTest {

    /** Tomcat's answer to a placed order: no reason phrase, a chunked JSON body. */
    private static final String TOMCAT_CREATED = "HTTP/1.1 201 \r\nLocation: /orders/o-1\r\n"
            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nDate: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
            + "\r\n1a\r\n{\"id\":\"o-1\",\"state\":\"NEW\"}\r\n0\r\n\r\n";

    // Buffer sizes from one byte up: every line, chunk and body must survive being split across reads.
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 64, 8192})
    void readsResponsesOneAfterTheOtherOnOneConnection(int bufferSize) throws IOException {
        HttpResponseReader reader = reader(bufferSize, TOMCAT_CREATED
                + "HTTP/1.1 400 Bad Request\r\nContent-Length: 11\r\n\r\nhello world"
                + "HTTP/1.1 503 Service Unavailable\r\ncontent-length:0\r\n\r\n"
                + "HTTP/1.1 201 Created\r\ntransfer-encoding: CHUNKED\r\n\r\n3;ext=1\r\nabc\r\n10\r\n0123456789abcdef\r\n"
                + "0\r\nX-Trailer: yes\r\n\r\n"
                + "HTTP/1.1 204 No Content\r\n\r\n");

        assertThat(reader.read()).isEqualTo(new HttpResponseReader.Response(201, true));
        assertThat(reader.read()).isEqualTo(new HttpResponseReader.Response(400, true));
        assertThat(reader.read()).isEqualTo(new HttpResponseReader.Response(503, true));
        assertThat(reader.read()).isEqualTo(new HttpResponseReader.Response(201, true));
        assertThat(reader.read()).isEqualTo(new HttpResponseReader.Response(204, true));
        assertThatThrownBy(reader::read).isInstanceOf(EOFException.class);
        assertThat(reader.receivedAny()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Connection: close", "connection: Close", "Connection: keep-alive, close"})
    void aServerThatClosesTheConnectionSaysSo(String header) throws IOException {
        HttpResponseReader reader = reader(8192, "HTTP/1.1 201 \r\n" + header + "\r\nContent-Length: 2\r\n\r\n{}");

        assertThat(reader.read()).isEqualTo(new HttpResponseReader.Response(201, false));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 8192})
    void aBodyWithoutLengthOrChunksEndsTheConnection(int bufferSize) throws IOException {
        HttpResponseReader reader = reader(bufferSize, "HTTP/1.1 500 \r\nContent-Type: text/plain\r\n\r\nit broke");

        assertThat(reader.read()).isEqualTo(new HttpResponseReader.Response(500, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.0 201 Created\r\nContent-Length: 0\r\n\r\n",
            "HTTP/1.0 201 Created\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n"})
    void http10KeepsTheConnectionOnlyWhenTheServerSaysKeepAlive(String response) throws IOException {
        assertThat(reader(8192, response).read().keepAlive()).isEqualTo(response.contains("keep-alive"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 8192})
    void skipsInterimResponses(int bufferSize) throws IOException {
        HttpResponseReader reader = reader(bufferSize,
                "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 \r\nContent-Length: 3\r\n\r\nabc");

        assertThat(reader.read()).isEqualTo(new HttpResponseReader.Response(201, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.1 201 \r\nContent-Length: 10\r\n\r\nabc",
            "HTTP/1.1 201 \r\nTransfer-Encoding: chunked\r\n\r\n10\r\nabc", "HTTP/1.1 20"})
    void aResponseCutShortIsAnErrorAfterTheFirstByte(String response) {
        HttpResponseReader reader = reader(8192, response);

        assertThatThrownBy(reader::read).isInstanceOf(EOFException.class).hasMessageContaining("middle");
        assertThat(reader.receivedAny()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SSH-2.0-OpenSSH\r\n\r\n", "HTTP/1.1 2x1 \r\n\r\n", "HTTP/1.1 201\r\nno colon\r\n\r\n",
            "HTTP/1.1 201 \r\nContent-Length: ten\r\n\r\n",
            "HTTP/1.1 201 \r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
            "HTTP/1.1 201 \r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcd\r\n0\r\n\r\n"})
    void refusesWhatIsNotHttp(String response) {
        assertThatThrownBy(reader(8192, response)::read).isInstanceOf(IOException.class)
                .isNotInstanceOf(EOFException.class);
    }

    private static HttpResponseReader reader(int bufferSize, String bytes) {
        return new HttpResponseReader(new ByteArrayInputStream(bytes.getBytes(StandardCharsets.ISO_8859_1)),
                bufferSize);
    }
}
