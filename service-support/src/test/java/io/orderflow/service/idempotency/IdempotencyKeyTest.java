package io.orderflow.service.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.events.command.CommandResult;
import io.orderflow.events.command.CommandStatus;
import io.orderflow.events.command.Idempotency;
import io.orderflow.service.web.ApiException;
import io.orderflow.service.web.FieldError;
import io.orderflow.service.web.ApiException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.HandlerMapping;

class IdempotencyKeyTest {

    /** A request as Spring MVC hands it to argument resolvers: matched, with its path variables decoded. */
    private static MockHttpServletRequest cancel(String pathId, String decodedId) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/orders/" + pathId + "/cancel");
        request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/orders/{id}/cancel");
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("id", decodedId));
        return request;
    }

    @Test
    void noHeaderIsNoKey() {
        assertThat(IdempotencyKey.from(cancel("o-1", "o-1"))).isNull();
    }

    @Test
    void aKeyIsScopedByCallerAndRouteWithItsPathVariables() {
        MockHttpServletRequest request = cancel("o%2D1", "o-1");
        request.addHeader(IdempotencyKey.HEADER, "k-1.a_b:C");

        IdempotencyKey key = IdempotencyKey.from(request);

        assertThat(key).isEqualTo(new IdempotencyKey("anonymous", "POST /orders/o-1/cancel", "k-1.a_b:C"));
        assertThat(key.scope()).isEqualTo("anonymous POST /orders/o-1/cancel");
        Idempotency onTheCommand = key.of(null);
        assertThat(onTheCommand.scope()).isEqualTo(key.scope());
        assertThat(onTheCommand.key()).isEqualTo("k-1.a_b:C");
        assertThat(onTheCommand.fingerprint()).isEqualTo(RequestFingerprint.of("POST /orders/o-1/cancel", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a b", "k/1", "ключ", "65-characters-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void aKeyOutsideTheIdAlphabetIsA400NamingTheHeader(String value) {
        MockHttpServletRequest request = cancel("o-1", "o-1");
        request.addHeader(IdempotencyKey.HEADER, value);

        assertThatThrownBy(() -> IdempotencyKey.from(request)).isInstanceOfSatisfying(ApiException.class,
                e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.errors()).containsExactly(new FieldError("Idempotency-Key",
                            "must be 1-64 characters of [A-Za-z0-9._:-]"));
                });
    }

    @Test
    void aKeyGivenTwiceIsA400() {
        MockHttpServletRequest request = cancel("o-1", "o-1");
        request.addHeader(IdempotencyKey.HEADER, "k-1");
        request.addHeader(IdempotencyKey.HEADER, "k-2");

        assertThatThrownBy(() -> IdempotencyKey.from(request)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.errors()).containsExactly(new FieldError("Idempotency-Key", "must be given once")));
    }

    @Test
    void aReusedKeyIsA422WithTheTasksDetail() {
        ApiException problem = IdempotencyKey.reused(CommandResult.of("cmd-1", "o-1", CommandStatus.KEY_REUSED, "why"));

        assertThat(problem.status().value()).isEqualTo(422);
        assertThat(problem.title()).isEqualTo("Idempotency-Key reused");
        assertThat(problem.getMessage()).isEqualTo("why");
    }
}
