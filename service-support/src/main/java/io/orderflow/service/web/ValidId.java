package io.orderflow.service.web;

import io.orderflow.events.Ids;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An id of the suite ({@link Ids}): 1-64 characters of {@code [A-Za-z0-9._:-]}; null passes (add
 * {@code @NotNull} where the id is required). One annotation so every field, path variable and query parameter
 * answers the same {@link Ids#MESSAGE}; {@code @ReportAsSingleViolation} makes that message the one reported
 * rather than {@code @Pattern}'s own.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {})
@Pattern(regexp = Ids.REGEX)
@ReportAsSingleViolation
public @interface ValidId {

    String message() default Ids.MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
