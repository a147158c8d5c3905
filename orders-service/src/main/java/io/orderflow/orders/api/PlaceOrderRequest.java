package io.orderflow.orders.api;

import io.orderflow.events.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code POST /orders}; {@code id} is optional (the service makes a UUID). */
record PlaceOrderRequest(
        @Pattern(regexp = Ids.REGEX, message = "must be 1-64 characters of [A-Za-z0-9._:-]") String id,
        @NotNull @Pattern(regexp = Ids.REGEX, message = "must be 1-64 characters of [A-Za-z0-9._:-]") String customerId,
        @NotEmpty @Size(max = 100) @UniqueProductIds List<@NotNull @Valid OrderLineRequest> items) {
}
