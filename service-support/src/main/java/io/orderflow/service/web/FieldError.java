package io.orderflow.service.web;

/** One bad field of a request, as listed in the {@code errors} member of a validation problem. */
public record FieldError(String field, String message) {
}
