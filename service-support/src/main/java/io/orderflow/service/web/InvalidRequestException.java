package io.orderflow.service.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request part that Bean Validation does not see (a header) is invalid: answered as the same {@code 400}
 * validation problem as a bad body field, naming the part in {@code errors}.
 */
public class InvalidRequestException extends ApiException {

    private final List<FieldError> errors;

    public InvalidRequestException(FieldError error) {
        super(HttpStatus.BAD_REQUEST, "Invalid request", error.field() + ": " + error.message());
        this.errors = List.of(error);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
