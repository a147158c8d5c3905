package io.orderflow.orders.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Each product appears on one line of an order only; its quantity says how many. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = UniqueProductIds.Validator.class)
@interface UniqueProductIds {

    String message() default "each productId may appear on one line only";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<UniqueProductIds, List<OrderLineRequest>> {

        @Override
        public boolean isValid(List<OrderLineRequest> items, ConstraintValidatorContext context) {
            if (items == null) {
                return true;
            }
            Set<String> seen = new HashSet<>();
            return items.stream().filter(Objects::nonNull).map(OrderLineRequest::productId)
                    .filter(Objects::nonNull).allMatch(seen::add);
        }
    }
}
