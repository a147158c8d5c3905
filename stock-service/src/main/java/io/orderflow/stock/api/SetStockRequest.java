package io.orderflow.stock.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The body of {@code PUT /stock/{productId}}; the strict mapper already refuses fractions and numeric strings. */
record SetStockRequest(@NotNull @Min(0) Long quantity) {
}
