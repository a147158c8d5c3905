package io.orderflow.service.web;

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
 * Money with at most two significant decimals: {@code 1.500} is 1.50 and passes, {@code 1.505} does not.
 * {@code @Digits(fraction = 2)} counts written decimals, so it would refuse {@code 1.500}.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AtMostTwoDecimals.Validator.class)
public @interface AtMostTwoDecimals {

    String message() default "must have at most 2 decimals";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<AtMostTwoDecimals, BigDecimal> {

        @Override
        public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
            return value == null || Money.hasAtMostTwoDecimals(value);
        }
    }
}
