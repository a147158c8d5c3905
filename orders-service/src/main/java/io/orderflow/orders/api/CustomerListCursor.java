package io.orderflow.orders.api;

import io.orderflow.orders.topology.CustomerOrderIndex;
import io.orderflow.service.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page of {@code GET /orders?customerId=} ended: the last order's position in the customer index
 * ({@code <inverted createdAt>/<orderId>}), base64url without padding so clients pass it back as is rather
 * than build one. The next page starts strictly after it; orders created meanwhile are newer, so they sort
 * before it and never shift what comes after.
 */
record CustomerListCursor(String position) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /** Far above any position's length (19 digits, '/', an id of 64): a longer value is not worth decoding. */
    private static final int MAX_ENCODED_LENGTH = 200;

    /** The cursor after the last order of a page. */
    static CustomerListCursor after(OrderView last) {
        return new CustomerListCursor(CustomerOrderIndex.position(last.createdAt(), last.id()));
    }

    /** The cursor a client sent back; a {@code 400} validation problem naming {@code cursor} when it is not one. */
    static CustomerListCursor decode(String encoded) {
        if (encoded.length() <= MAX_ENCODED_LENGTH) {
            try {
                String position = new String(DECODER.decode(encoded), StandardCharsets.UTF_8);
                if (CustomerOrderIndex.isPosition(position)) {
                    return new CustomerListCursor(position);
                }
            } catch (IllegalArgumentException notBase64) {
                // answered below, as every other value that is not a cursor
            }
        }
        throw ApiException.invalid("cursor", "is not a cursor from a Link header of this list");
    }

    String encoded() {
        return ENCODER.encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }
}
