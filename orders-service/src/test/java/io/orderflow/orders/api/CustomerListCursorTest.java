package io.orderflow.orders.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.events.order.OrderState;
import io.orderflow.orders.topology.CustomerOrderIndex;
import io.orderflow.service.web.ApiException;
import io.orderflow.service.web.FieldError;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

/** The list's page cursor: opaque to clients, exact to the service; anything else a client sends is a 400. */
class CustomerListCursorTest {

    private static final Instant CREATED = Instant.parse("2026-11-25T10:15:00.123Z");

    @Test
    void aCursorIsTheLastOrdersIndexPositionInBase64UrlAndDecodesBackToIt() {
        OrderView last = view("o-1:a_b.c", CREATED);

        CustomerListCursor cursor = CustomerListCursor.after(last);

        assertThat(cursor.position()).isEqualTo(CustomerOrderIndex.position(CREATED, "o-1:a_b.c"));
        assertThat(cursor.encoded()).as("safe in a query string as is").matches("[A-Za-z0-9_-]+");
        assertThat(new String(Base64.getUrlDecoder().decode(cursor.encoded()), StandardCharsets.UTF_8))
                .isEqualTo(cursor.position());
        assertThat(CustomerListCursor.decode(cursor.encoded())).isEqualTo(cursor);
    }

    @Test
    void paddingIsAcceptedBackAsTheDecoderReadsIt() {
        CustomerListCursor cursor = CustomerListCursor.after(view("o-12", CREATED));
        String padded = Base64.getUrlEncoder().encodeToString(cursor.position().getBytes(StandardCharsets.UTF_8));

        assertThat(CustomerListCursor.decode(padded)).isEqualTo(cursor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not base64!", "aGVsbG8", "MTIzL28tMQ" /* "123/o-1": too few digits */,
            "OTIyMzM3MDAzNjg1NDc3NTgwNy9vIDE" /* an id with a space */})
    void anythingElseIsA400NamingTheCursor(String value) {
        assertThatThrownBy(() -> CustomerListCursor.decode(value))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("cursor");
                });
    }

    @Test
    void anOverlongValueIsRejectedWithoutDecodingIt() {
        String overlong = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("9223370000000000000/" + "a".repeat(500)).getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> CustomerListCursor.decode(overlong)).isInstanceOf(ApiException.class);
    }

    @Test
    void theNextLinkIsARelativeUrlWithTheSameCustomerAndLimitAndTheCursor() {
        CustomerListCursor cursor = CustomerListCursor.after(view("o-9", CREATED));

        assertThat(OrderReads.nextPageLink("c-1", 10, cursor))
                .isEqualTo("</orders?customerId=c-1&limit=10&cursor=" + cursor.encoded() + ">; rel=\"next\"");
    }

    static OrderView view(String id, Instant createdAt) {
        return new OrderView(id, "c-1", List.of(), BigDecimal.ONE, OrderState.CREATED,
                List.of(), createdAt, createdAt, null);
    }
}
