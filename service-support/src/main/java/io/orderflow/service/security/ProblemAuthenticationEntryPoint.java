package io.orderflow.service.security;

import io.orderflow.service.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * A missing or bad token: {@code 401} with RFC 6750's {@code WWW-Authenticate: Bearer ...} (set by Spring
 * Security's own entry point) and the suite's problem body saying which.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final ProblemWriter problems;

    ProblemAuthenticationEntryPoint(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        bearer.commence(request, response, failure);
        String detail = failure instanceof OAuth2AuthenticationException invalid
                && invalid.getError().getDescription() != null
                ? "the bearer token was refused: " + invalid.getError().getDescription()
                : "this needs a bearer token (Authorization: Bearer <token>)";
        problems.write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
    }
}
