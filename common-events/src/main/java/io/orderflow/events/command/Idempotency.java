package io.orderflow.events.command;

import io.orderflow.events.Ids;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The {@code Idempotency-Key} a client sent with the POST that became a command, with what the owning Streams
 * task needs to honour it: the scope the key is remembered in (caller and route) and the fingerprint of the
 * request (route and normalised body), so a repeat of the request can be told from another request under the
 * same key. A command sent without the header has none, and then the field is not written at all.
 *
 * @param scope       who asked what: the caller and the route, e.g. {@code anonymous POST /orders}
 * @param key         the header's value, 1-64 characters of the id alphabet
 * @param fingerprint a hash of the route and the request as parsed (so {@code 3.0} and {@code 3.00} are one request)
 */
public record Idempotency(String scope, String key, String fingerprint) {

    public Idempotency {
        if (scope == null || scope.isBlank()) {
            throw new IllegalArgumentException("an idempotency scope is required");
        }
        Ids.require(key, "idempotency key");
        if (fingerprint == null || fingerprint.isBlank()) {
            throw new IllegalArgumentException("an idempotency fingerprint is required");
        }
    }

    /** The key within its scope; unambiguous, since a key has no spaces. What the key is remembered under. */
    public String scopedKey() {
        return scope + " " + key;
    }

    /**
     * A name-based UUID of the scoped key: the same for every request with this key, so the id of what the
     * request creates, and so the partition its command goes to, is the same for every retry.
     */
    public String derivedId() {
        return UUID.nameUUIDFromBytes(scopedKey().getBytes(StandardCharsets.UTF_8)).toString();
    }
}
