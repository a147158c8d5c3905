package io.orderflow.service.web;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the suite's problem bodies: {@code type}, {@code title}, {@code status}, {@code detail}, optional {@code errors}. */
public final class Problems {

    private static final String TYPE_BASE = "https://orderflow.io/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail == null ? title : detail);
        problem.setTitle(title);
        problem.setType(URI.create(TYPE_BASE + slug(title)));
        return problem;
    }

    public static ProblemDetail validation(List<FieldError> errors) {
        ProblemDetail problem = of(org.springframework.http.HttpStatus.BAD_REQUEST, "Invalid request",
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid");
        problem.setProperty("errors", errors);
        return problem;
    }

    /** Gives a problem built elsewhere (by Spring) the suite's {@code type} when it has none. */
    public static void ensureType(ProblemDetail problem) {
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            String title = problem.getTitle() != null ? problem.getTitle() : "Error " + problem.getStatus();
            problem.setType(URI.create(TYPE_BASE + slug(title)));
        }
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
