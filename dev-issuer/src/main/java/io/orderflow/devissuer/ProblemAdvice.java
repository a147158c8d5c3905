package io.orderflow.devissuer;

import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/** Every error of this issuer's own endpoints as a problem ({@code application/problem+json}), never a stack trace. */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
        return ResponseEntity.badRequest().body(Problems.invalid(e.field(), e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected error", e);
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error", "an unexpected error occurred; it has been logged"));
    }

    /** Malformed JSON names the body; a field of the wrong JSON type ({@code "customerId": {}}) names that field. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        ProblemDetail problem;
        if (cause instanceof StreamReadException) {
            problem = Problems.invalid("body", "malformed JSON; expected {\"customerId\":\"...\"}");
        } else if (cause instanceof JacksonException json && !pathOf(json).isEmpty()) {
            problem = Problems.invalid(pathOf(json), "has the wrong JSON type; expected a string");
        } else {
            problem = Problems.invalid("body", "missing or unreadable; expected {\"customerId\":\"...\"}");
        }
        return ResponseEntity.badRequest().body(problem);
    }

    /** Spring's own problems (405, 415, 404...) come without the suite's {@code type}. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            Problems.ensureType(problem);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static String pathOf(JacksonException e) {
        StringJoiner path = new StringJoiner(".");
        for (JacksonException.Reference reference : e.getPath()) {
            path.add(reference.getPropertyName() != null ? reference.getPropertyName()
                    : String.valueOf(reference.getIndex()));
        }
        return path.toString();
    }
}
