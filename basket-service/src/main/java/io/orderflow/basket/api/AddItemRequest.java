package io.orderflow.basket.api;

import io.orderflow.events.order.OrderLine;
import io.orderflow.service.web.AtMostTwoDecimals;
import io.orderflow.service.web.ValidId;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** The body of {@code POST /baskets/{customerId}/items}. */
record AddItemRequest(
        @NotNull @ValidId String productId,
        @NotNull @Min(1) @Max(OrderLine.MAX_QUANTITY) Integer quantity,
        @NotNull @DecimalMin("0.00") @DecimalMax("999999999999999.99") @AtMostTwoDecimals BigDecimal unitPrice) {
}
