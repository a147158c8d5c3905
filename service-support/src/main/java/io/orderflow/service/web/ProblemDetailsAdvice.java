package io.orderflow.service.web;

import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every error into an RFC 9457 problem ({@code application/problem+json}): validation errors name
 * each bad field in {@code errors}; nothing ever answers with a stack trace.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        if (e instanceof InvalidRequestException invalid) {
            return ResponseEntity.badRequest().body(Problems.validation(invalid.errors()));
        }
        ProblemDetail problem = Problems.of(e.status(), e.title(), e.getMessage());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
        if (e.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, "1");
            log.warn("answering 503: {}{}", e.getMessage(),
                    e.getCause() == null ? "" : " (" + e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage() + ")");
        }
        return response.body(problem);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return ResponseEntity.badRequest().body(Problems.validation(errors));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected error", e);
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error", "an unexpected error occurred; it has been logged"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors()
                .forEach(f -> errors.add(new FieldError(f.getField(), f.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors()
                .forEach(g -> errors.add(new FieldError(g.getObjectName(), g.getDefaultMessage())));
        errors.sort(Comparator.comparing(FieldError::field));
        return ResponseEntity.badRequest().body(Problems.validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            String name = result.getMethodParameter().getParameterName();
            if (result instanceof ParameterErrors bean) {
                // A @Valid body validated with a constrained path variable: name the body's own fields, as
                // MethodArgumentNotValidException does when the path variable is unconstrained.
                bean.getFieldErrors().forEach(f -> errors.add(new FieldError(f.getField(), f.getDefaultMessage())));
                bean.getGlobalErrors().forEach(g -> errors.add(new FieldError(name, g.getDefaultMessage())));
                continue;
            }
            result.getResolvableErrors().forEach(err -> errors.add(new FieldError(name, err.getDefaultMessage())));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return ResponseEntity.badRequest().body(Problems.validation(errors));
    }

    /** Spring's own problems (405, 415, 406...) leave {@code type} out; every problem of the suite has one. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            Problems.ensureType(problem);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                        .body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "Request body too large", tooLarge.getMessage()));
            }
        }
        return ResponseEntity.badRequest().body(Problems.validation(List.of(unreadable(e.getCause()))));
    }

    private static FieldError unreadable(Throwable cause) {
        if (cause instanceof StreamReadException) {
            return new FieldError("body", "malformed JSON");
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new FieldError(path(unknown), "unknown field");
        }
        if (cause instanceof MismatchedInputException mismatch) {
            String target = mismatch.getTargetType() == null ? "value" : describe(mismatch.getTargetType());
            String field = path(mismatch);
            return new FieldError(field.isEmpty() ? "body" : field, "must be " + target);
        }
        if (cause instanceof JacksonException json) {
            String field = path(json);
            return new FieldError(field.isEmpty() ? "body" : field, "is invalid");
        }
        return new FieldError("body", "missing or unreadable request body");
    }

    private static String describe(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    /** Jackson's path as a field name: {@code items[0].quantity}. */
    static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.indexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
