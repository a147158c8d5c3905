package io.orderflow.payment.api;

import io.orderflow.service.web.AtMostTwoDecimals;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** The body of {@code PUT /accounts/{customerId}}. */
record SetBalanceRequest(
        @NotNull @DecimalMin("0.00") @DecimalMax("999999999999999.99") @AtMostTwoDecimals BigDecimal balance) {
}
