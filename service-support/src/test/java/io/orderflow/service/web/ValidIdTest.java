package io.orderflow.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code @ValidId} accepts what {@link io.orderflow.events.Ids} does and reports one violation in one wording. */
class ValidIdTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    record Body(@ValidId String id) {
    }

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"o-1", "A.b_c:d-9", "x"})
    void anIdOfTheAlphabetPasses(String id) {
        assertThat(VALIDATOR.validate(new Body(id))).isEmpty();
    }

    @Test
    void sixtyFourCharactersPassAndSixtyFiveDoNot() {
        assertThat(VALIDATOR.validate(new Body("x".repeat(64)))).isEmpty();
        assertThat(messages(VALIDATOR.validate(new Body("x".repeat(65))))).hasSize(1);
    }

    @Test
    void nullPassesSoOptionalIdsNeedNothingMore() {
        assertThat(VALIDATOR.validate(new Body(null))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "o 1", "o/1", "ö", "o%2D1"})
    void aBadIdIsOneViolationWithTheMessageTheApiHasAlwaysAnswered(String id) {
        Set<ConstraintViolation<Body>> violations = VALIDATOR.validate(new Body(id));

        // Spelt out rather than Ids.MESSAGE: clients match on it, so a change must break this test.
        assertThat(messages(violations)).containsExactly("must be 1-64 characters of [A-Za-z0-9._:-]");
        assertThat(violations.iterator().next().getPropertyPath()).hasToString("id");
    }

    private static List<String> messages(Set<ConstraintViolation<Body>> violations) {
        return violations.stream().map(ConstraintViolation::getMessage).toList();
    }
}
