package io.orderflow.service.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request the service understood but cannot do; answered as an RFC 9457 problem with this status. With
 * {@link #errors()}, a validation problem naming each bad field, as Bean Validation's are.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<FieldError> errors;

    public ApiException(HttpStatus status, String title, String detail) {
        this(status, title, detail, null);
    }

    public ApiException(HttpStatus status, String title, String detail, Throwable cause) {
        this(status, title, detail, cause, List.of());
    }

    private ApiException(HttpStatus status, String title, String detail, Throwable cause, List<FieldError> errors) {
        super(detail, cause);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The bad fields of a validation problem; empty for every other problem. */
    public List<FieldError> errors() {
        return errors;
    }

    /**
     * A {@code 400} validation problem for a field Bean Validation cannot check on its own (an opaque
     * cursor, one parameter against another).
     */
    public static ApiException invalid(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", field + ": " + message, null,
                List.of(new FieldError(field, message)));
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(HttpStatus.NOT_FOUND, what + " not found", "no " + what.toLowerCase() + " with id '" + id + "'");
    }

    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, "Conflict", detail);
    }
}
