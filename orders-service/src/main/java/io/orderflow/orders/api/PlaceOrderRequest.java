package io.orderflow.orders.api;

import io.orderflow.service.web.ValidId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code POST /orders}; {@code id} is optional (the service makes a UUID). */
record PlaceOrderRequest(
        @ValidId String id,
        @NotNull @ValidId String customerId,
        @NotEmpty @Size(max = 100) @UniqueProductIds List<@NotNull @Valid OrderLineRequest> items) {
}
