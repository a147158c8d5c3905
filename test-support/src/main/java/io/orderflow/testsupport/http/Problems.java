package io.orderflow.testsupport.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** What every service's error answers share (RFC 9457 problem details), checked the one way. */
public final class Problems {

    /** The one wording of every bad id, in a path or a body (spelt out here so a change to it shows). */
    public static final String ID_RULE = "must be 1-64 characters of [A-Za-z0-9._:-]";

    private Problems() {
    }

    /** A problem answer with this status, in the body too, and a type, title and detail. */
    public static void assertProblem(HttpJson.Response answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.path("status").asInt()).as(answer.toString()).isEqualTo(status);
        for (String member : List.of("type", "title", "detail")) {
            assertThat(problem.path(member).asString("")).as(member + " of " + answer).isNotBlank();
        }
    }

    /** A 400 problem whose only error is {@code field} breaking {@link #ID_RULE}. */
    public static void assertIdProblem(HttpJson.Response answer, String field) {
        assertProblem(answer, 400);
        assertThat(answer.json().get("errors").toString())
                .isEqualTo("[{\"field\":\"" + field + "\",\"message\":\"" + ID_RULE + "\"}]");
    }

    /** The fields its {@code errors} name, in order. */
    public static List<String> errorFields(HttpJson.Response answer) {
        return answer.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }
}
