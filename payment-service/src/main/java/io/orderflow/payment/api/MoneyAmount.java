package io.orderflow.payment.api;

import io.orderflow.events.Money;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

/**
 * At most two significant decimals, so {@code 1.500} is 1.50 and {@code 1.505} is refused. {@code @Digits} cannot
 * say this: for a BigDecimal it counts trailing zeros as decimals.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MoneyAmount.Validator.class)
@interface MoneyAmount {

    String message() default "must have at most 2 decimals";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<MoneyAmount, BigDecimal> {

        @Override
        public boolean isValid(BigDecimal amount, ConstraintValidatorContext context) {
            return amount == null || Money.hasAtMostTwoDecimals(amount);
        }
    }
}
