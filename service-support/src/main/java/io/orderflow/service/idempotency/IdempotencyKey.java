package io.orderflow.service.idempotency;

import io.orderflow.events.Ids;
import io.orderflow.events.command.CommandResult;
import io.orderflow.events.command.Idempotency;
import io.orderflow.service.security.Caller;
import io.orderflow.service.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The {@code Idempotency-Key} header of a POST, with where it is remembered: per caller and route. A controller
 * method takes it as a parameter ({@link IdempotencyKeyResolver} fills it in: null without the header, a
 * {@code 400} problem naming the header when it is not 1-64 characters of the id alphabet) and puts
 * {@link #of(Object)} of the parsed body on its command. The Streams task that applies the command keeps the
 * first answer ({@link RememberedAnswers}).
 *
 * @param caller who asks: the subject of the request's token ({@link Caller#current})
 * @param route  the method and the path with its variables filled in, e.g. {@code POST /baskets/c-1/items}
 * @param key    the header's value
 */
public record IdempotencyKey(String caller, String route, String key) {

    public static final String HEADER = "Idempotency-Key";
    static final String REPEATED = "must be given once";

    /** The header of {@code request}, or null when it has none; throws a 400 problem when it is invalid. */
    public static IdempotencyKey from(HttpServletRequest request) {
        Enumeration<String> values = request.getHeaders(HEADER);
        if (values == null || !values.hasMoreElements()) {
            return null;
        }
        String key = values.nextElement();
        if (values.hasMoreElements()) {
            throw ApiException.invalid(HEADER, REPEATED);
        }
        if (!Ids.isValid(key)) {
            throw ApiException.invalid(HEADER, Ids.MESSAGE);
        }
        return new IdempotencyKey(Caller.current().subject(), route(request), key);
    }

    /**
     * The route from the mapping that matched, with the path variables as Spring decoded them: the same for
     * every spelling of one path ({@code o-1} and {@code o%2D1}), so one resource is one scope.
     */
    static String route(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String path = pattern == null ? request.getRequestURI() : pattern.toString();
        if (variables != null) {
            for (Map.Entry<String, String> variable : variables.entrySet()) {
                path = path.replace("{" + variable.getKey() + "}", variable.getValue());
            }
        }
        return request.getMethod() + " " + path;
    }

    /** Who asked what: the scope the key is remembered in. */
    public String scope() {
        return caller + " " + route;
    }

    /** The key for a command, with the fingerprint of {@code body} (the parsed request body; null for none). */
    public Idempotency of(Object body) {
        return new Idempotency(scope(), key, RequestFingerprint.of(route, body));
    }

    /** The {@code 422} problem for a command the owning task answered {@code KEY_REUSED}. */
    public static ApiException reused(CommandResult answer) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused", answer.detail());
    }
}
