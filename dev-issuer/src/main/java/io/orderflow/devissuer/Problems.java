package io.orderflow.devissuer;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The suite's problem bodies (RFC 9457) as service-support's {@code Problems} builds them: {@code type},
 * {@code title}, {@code status}, {@code detail}, and {@code errors} naming each bad field. Copied rather than
 * depended on: service-support brings Kafka along.
 */
final class Problems {

    private static final String TYPE_BASE = "https://orderflow.io/problems/";

    private Problems() {
    }

    /** One bad field of a request. */
    record FieldError(String field, String message) {
    }

    static ProblemDetail of(HttpStatusCode status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail == null ? title : detail);
        problem.setTitle(title);
        problem.setType(typeOf(title));
        return problem;
    }

    static ProblemDetail invalid(String field, String message) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "Invalid request", field + ": " + message);
        problem.setProperty("errors", List.of(new FieldError(field, message)));
        return problem;
    }

    /** Gives a problem built by Spring the suite's {@code type} when it has none. */
    static void ensureType(ProblemDetail problem) {
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(typeOf(problem.getTitle() != null ? problem.getTitle() : "Error " + problem.getStatus()));
        }
    }

    /** The same problem as a plain map, for servlet filters that write JSON without Spring MVC's converters. */
    static Map<String, Object> asMap(HttpStatus status, String title, String detail, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", typeOf(title).toString());
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", instance);
        return body;
    }

    private static URI typeOf(String title) {
        return URI.create(TYPE_BASE + title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", ""));
    }
}
