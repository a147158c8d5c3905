package io.orderflow.service.idempotency;

import io.orderflow.events.serde.EventJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What makes two requests with one {@code Idempotency-Key} the same request: the route and the body as the
 * service parsed it, in a canonical JSON form (object fields sorted by name, numbers without trailing zeros,
 * so {@code 3.0} equals {@code 3.00}, and a missing field equals an explicit {@code null}), hashed with SHA-256.
 * Spacing, field order and number notation of the request as sent do not count; any value does.
 */
public final class RequestFingerprint {

    private RequestFingerprint() {
    }

    /**
     * @param route the method and path, e.g. {@code POST /orders}
     * @param body  the parsed request body (a record), or null for a request without one
     * @return the SHA-256 of route and canonical body, base64url without padding (43 characters)
     */
    public static String of(String route, Object body) {
        StringBuilder canonical = new StringBuilder(route).append('\n');
        write(EventJson.MAPPER.valueToTree(body), canonical);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(canonical.toString()));
    }

    /** Package-private for tests: the canonical text that is hashed. */
    static String canonical(Object body) {
        StringBuilder canonical = new StringBuilder();
        write(EventJson.MAPPER.valueToTree(body), canonical);
        return canonical.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
            fields.removeIf(field -> field.getValue().isNull());
            fields.sort(Map.Entry.comparingByKey());
            out.append('{');
            for (int i = 0; i < fields.size(); i++) {
                out.append(i == 0 ? "" : ",").append(EventJson.MAPPER.writeValueAsString(fields.get(i).getKey())).append(':');
                write(fields.get(i).getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isNumber()) {
            out.append(node.decimalValue().stripTrailingZeros().toPlainString());
        } else {
            out.append(EventJson.MAPPER.writeValueAsString(node)); // strings (escaped) and booleans
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
